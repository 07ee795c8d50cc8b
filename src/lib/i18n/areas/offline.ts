import { defineArea } from '../types';

// The notice of a new version waiting in the service worker (src/lib/offline/).
const area = defineArea({
	es: {
		'update.available': 'Hay una nueva versión:',
		'update.reload': 'recargar'
	},
	en: {
		'update.available': 'A new version is available:',
		'update.reload': 'reload'
	}
});

export default area;
