import type { Area } from '../types';

const area: Area = {
	es: {
		'app.name': 'Integra',
		'app.tagline': 'Observatorio de gobernanza migratoria local',
		'nav.observatory': 'Observatorio',
		'nav.main': 'Navegación principal',
		'nav.skip': 'Saltar al contenido',
		'engine.starting': 'Iniciando el motor de datos…',
		'engine.loading': 'Cargando los datos…',
		'engine.error': 'No se pudo calcular: {message}',
		'engine.error.timeout': 'La consulta tardó demasiado y se detuvo. Vuelva a intentarlo.',
		'engine.error.crashed': 'El motor de datos se detuvo. Se reiniciará en la próxima consulta.',
		'engine.error.start':
			'No se pudo iniciar el motor de datos (DuckDB). Si el servidor envía una cabecera Content-Security-Policy, debe permitir wasm-unsafe-eval.',
		'engine.error.extension':
			'Esta consulta necesita una extensión de DuckDB que no está disponible sin conexión: {message}',
		'engine.retry': 'Reintentar',
		'footer.synthetic':
			'Datos de demostración sintéticos: los códigos y nombres de distritos son reales, las cifras no.',
		'empty.value': 'sin dato'
	},
	en: {
		'app.name': 'Integra',
		'app.tagline': 'Local migration governance observatory',
		'nav.observatory': 'Observatory',
		'nav.main': 'Main navigation',
		'nav.skip': 'Skip to content',
		'engine.starting': 'Starting the data engine…',
		'engine.loading': 'Loading the data…',
		'engine.error': 'Could not compute: {message}',
		'engine.error.timeout': 'The query took too long and was stopped. Please try again.',
		'engine.error.crashed': 'The data engine stopped. It will restart on the next query.',
		'engine.error.start':
			'The data engine (DuckDB) could not start. If the server sends a Content-Security-Policy header, it must allow wasm-unsafe-eval.',
		'engine.error.extension':
			'This query needs a DuckDB extension that is not available offline: {message}',
		'engine.retry': 'Retry',
		'footer.synthetic': 'Synthetic demo data: district codes and names are real, the figures are not.',
		'empty.value': 'no data'
	}
};
export default area;
