import { defineArea } from '../types';

const area = defineArea({
	es: {
		'geo.title': 'Límites distritales (mapa)',
		'geo.intro':
			'Cargue un archivo GeoJSON (FeatureCollection) con los polígonos de los distritos para que el observatorio dibuje el mapa real en lugar de la cuadrícula.',
		'geo.choose': 'Elegir un archivo GeoJSON',
		'geo.loaded': 'Cargado: {file} ({count} polígonos, código en la propiedad «{property}»).',
		'geo.remove': 'Quitar los límites y volver a la cuadrícula',
		'geo.error.json': '{file} no es un JSON válido.',
		'geo.error.not_collection': '{file} no es una FeatureCollection de GeoJSON.',
		'geo.error.no_features': '{file} no contiene polígonos (features).',
		'geo.error.no_properties':
			'{file}: los polígonos no tienen propiedades para identificar el distrito.',
		'geo.dialog.title': '¿Qué propiedad tiene el código ubigeo en {file}?',
		'geo.dialog.intro':
			'El archivo tiene {count} polígonos. Elija la propiedad que contiene el código de 6 dígitos del distrito.',
		'geo.dialog.property': 'Propiedad',
		'geo.dialog.option': '{property} (coincide con {matches} de {total} distritos)',
		'geo.dialog.cancel': 'Cancelar',
		'geo.dialog.confirm': 'Usar estos límites'
	},
	en: {
		'geo.title': 'District boundaries (map)',
		'geo.intro':
			'Load a GeoJSON file (FeatureCollection) with the district polygons so that the observatory draws the real map instead of the grid.',
		'geo.choose': 'Choose a GeoJSON file',
		'geo.loaded': 'Loaded: {file} ({count} polygons, code in the property "{property}").',
		'geo.remove': 'Remove the boundaries and return to the grid',
		'geo.error.json': '{file} is not valid JSON.',
		'geo.error.not_collection': '{file} is not a GeoJSON FeatureCollection.',
		'geo.error.no_features': '{file} contains no polygons (features).',
		'geo.error.no_properties': '{file}: the polygons have no properties to identify the district.',
		'geo.dialog.title': 'Which property holds the ubigeo code in {file}?',
		'geo.dialog.intro':
			'The file has {count} polygons. Choose the property that holds the 6-digit district code.',
		'geo.dialog.property': 'Property',
		'geo.dialog.option': '{property} (matches {matches} of {total} districts)',
		'geo.dialog.cancel': 'Cancel',
		'geo.dialog.confirm': 'Use these boundaries'
	}
});
export default area;
