import { defineArea } from '../types';

const area = defineArea({
	es: {
		'cli.missingFile': 'Falta el archivo obligatorio {file}.',
		'cli.missingColumns': '{file}: faltan las columnas obligatorias {columns}.',
		'cli.fileErrors':
			'{file}: errores: {errors}; advertencias: {warnings} (ver validation_report.csv).',
		'cli.summary':
			'Datos no válidos (errores: {errors}; advertencias: {warnings}). Las filas con errores no se cargaron.',
		'cli.ignoredFile':
			'Nota: se ignoró «{file}»: ni su nombre ni sus encabezados son los de un archivo del contrato de datos (districts, framework, assessments, statistics, activities, actions).',
		'cli.input.notFile':
			'«{file}» es {kind}, no un archivo: no se leyó. Indique la ruta de un archivo CSV.',
		'cli.input.tooBig':
			'«{file}» pesa {size} MB y se leen como máximo {limit} MB: no se leyó. Divídalo en partes más pequeñas.',
		'cli.input.directory': 'una carpeta',
		'cli.input.fifo': 'una tubería con nombre (FIFO)',
		'cli.input.device': 'un dispositivo',
		'cli.input.socket': 'un socket',
		'cli.input.other': 'un archivo especial'
	},
	en: {
		'cli.missingFile': 'The required file {file} is missing.',
		'cli.missingColumns': '{file}: the required columns {columns} are missing.',
		'cli.fileErrors': '{file}: errors: {errors}; warnings: {warnings} (see validation_report.csv).',
		'cli.summary':
			'Invalid data (errors: {errors}; warnings: {warnings}). Rows with errors were not loaded.',
		'cli.ignoredFile':
			'Note: “{file}” was ignored: neither its name nor its headers are those of a file of the data contract (districts, framework, assessments, statistics, activities, actions).',
		'cli.input.notFile':
			'“{file}” is {kind}, not a file: it was not read. Give the path of a CSV file.',
		'cli.input.tooBig':
			'“{file}” is {size} MB and at most {limit} MB are read: it was not read. Split it into smaller parts.',
		'cli.input.directory': 'a folder',
		'cli.input.fifo': 'a named pipe (FIFO)',
		'cli.input.device': 'a device',
		'cli.input.socket': 'a socket',
		'cli.input.other': 'a special file'
	}
});
export default area;
