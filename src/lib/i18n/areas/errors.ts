import { defineArea } from '../types';

// The error page of the Integra server (src/routes/+error.svelte).
const area = defineArea({
	es: {
		'error.title': 'No se pudo mostrar esta página',
		'error.unavailable.title': 'Integra no puede leer sus datos en este momento',
		'error.unavailable.body':
			'La base de datos del servidor no responde. Nada de lo que guardó en este equipo se perdió. Vuelva a intentarlo en unos minutos.',
		'error.notFound.title': 'Página no encontrada',
		'error.retry': 'Volver a intentar',
		'error.home': 'Ir al observatorio'
	},
	en: {
		'error.title': 'This page could not be shown',
		'error.unavailable.title': 'Integra cannot read its data right now',
		'error.unavailable.body':
			"The server's database is not answering. Nothing you saved on this device is lost. Try again in a few minutes.",
		'error.notFound.title': 'Page not found',
		'error.retry': 'Try again',
		'error.home': 'Go to the observatory'
	}
});

export default area;
