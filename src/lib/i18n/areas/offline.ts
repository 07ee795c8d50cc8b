import type { Area } from '../types';

// The notice of a new version waiting in the service worker (src/lib/offline/).
const area: Area = {
	es: {
		'update.available': 'Hay una nueva versión:',
		'update.reload': 'recargar'
	},
	en: {
		'update.available': 'A new version is available:',
		'update.reload': 'reload'
	}
};

export default area;
