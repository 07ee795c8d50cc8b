import type { Area } from '../types';

const area: Area = {
	es: {
		'cli.missingFile': 'Falta el archivo obligatorio {file}.',
		'cli.missingColumns': '{file}: faltan las columnas obligatorias {columns}.',
		'cli.fileErrors':
			'{file}: errores: {errors}; advertencias: {warnings} (ver validation_report.csv).',
		'cli.summary':
			'Datos no válidos (errores: {errors}; advertencias: {warnings}). Las filas con errores no se cargaron.'
	},
	en: {
		'cli.missingFile': 'The required file {file} is missing.',
		'cli.missingColumns': '{file}: the required columns {columns} are missing.',
		'cli.fileErrors': '{file}: errors: {errors}; warnings: {warnings} (see validation_report.csv).',
		'cli.summary':
			'Invalid data (errors: {errors}; warnings: {warnings}). Rows with errors were not loaded.'
	}
};
export default area;
