import { defineArea } from '../types';

const area = defineArea({
	es: {
		'app.name': 'Integra',
		'app.tagline': 'Observatorio de gobernanza migratoria local',
		'nav.observatory': 'Observatorio',
		'nav.main': 'Navegación principal',
		'nav.skip': 'Saltar al contenido',
		'nav.menu': 'Menú',
		'engine.starting': 'Iniciando el motor de datos…',
		'engine.loading': 'Cargando los datos…',
		'engine.error': 'No se pudo calcular: {message}',
		'engine.error.timeout': 'La consulta tardó demasiado y se detuvo. Vuelva a intentarlo.',
		'engine.error.crashed': 'El motor de datos se detuvo. Se reiniciará en la próxima consulta.',
		'engine.error.start':
			'No se pudo iniciar el motor de datos (DuckDB): {message}. Si el servidor envía una cabecera Content-Security-Policy, debe permitir wasm-unsafe-eval.',
		'engine.error.load': 'No se pudieron cargar los datos: {message}',
		'engine.error.extension':
			'Esta consulta necesita una extensión de DuckDB que no está disponible sin conexión: {message}',
		'engine.error.read-only': 'Esta consulta solo puede leer los datos, no cambiarlos: {message}',
		'engine.error.refused': 'Esta consulta pide algo que el motor de datos no permite: {message}',
		'engine.retry': 'Reintentar',
		'footer.synthetic':
			'Datos de demostración sintéticos: los códigos y nombres de distritos son reales, las cifras no.',
		'empty.value': 'sin dato',
		'nav.diagnostics': 'Diagnóstico',
		'lang.label': 'Idioma',
		'diag.title': 'Diagnóstico del motor de datos',
		'diag.intro':
			'Comprueba en este navegador que DuckDB arranca, devuelve valores correctos, no descarga extensiones y se recupera de consultas demasiado largas o de un fallo del proceso de trabajo.',
		'diag.check': 'Comprobación',
		'diag.result': 'Resultado',
		'diag.running': 'En curso…',
		'diag.pass': 'correcto',
		'diag.fail': 'falló',
		'diag.done': 'Diagnóstico terminado.'
	},
	en: {
		'app.name': 'Integra',
		'app.tagline': 'Local migration governance observatory',
		'nav.observatory': 'Observatory',
		'nav.main': 'Main navigation',
		'nav.skip': 'Skip to content',
		'nav.menu': 'Menu',
		'engine.starting': 'Starting the data engine…',
		'engine.loading': 'Loading the data…',
		'engine.error': 'Could not compute: {message}',
		'engine.error.timeout': 'The query took too long and was stopped. Please try again.',
		'engine.error.crashed': 'The data engine stopped. It will restart on the next query.',
		'engine.error.start':
			'The data engine (DuckDB) could not start: {message}. If the server sends a Content-Security-Policy header, it must allow wasm-unsafe-eval.',
		'engine.error.load': 'The data could not be loaded: {message}',
		'engine.error.extension':
			'This query needs a DuckDB extension that is not available offline: {message}',
		'engine.error.read-only': 'This query may only read the data, not change it: {message}',
		'engine.error.refused':
			'This query asks for something the data engine does not allow: {message}',
		'engine.retry': 'Retry',
		'footer.synthetic':
			'Synthetic demo data: district codes and names are real, the figures are not.',
		'empty.value': 'no data',
		'nav.diagnostics': 'Diagnostics',
		'lang.label': 'Language',
		'diag.title': 'Data engine diagnostics',
		'diag.intro':
			'Checks in this browser that DuckDB starts, returns correct values, downloads no extension, and recovers from queries that run too long or from a crashed worker.',
		'diag.check': 'Check',
		'diag.result': 'Result',
		'diag.running': 'Running…',
		'diag.pass': 'passed',
		'diag.fail': 'failed',
		'diag.done': 'Diagnostics finished.'
	}
});
export default area;
