import type { Area } from '../types';

// Validation and import messages. Owned by the import pipeline (src/lib/data).
// Issue messages do not repeat the file, line or column: the report shows them beside it.
const area: Area = {
	es: {
		'import.severity.error': 'Error',
		'import.severity.warning': 'Advertencia',

		'import.dataset.districts': 'distritos (districts.csv)',
		'import.dataset.framework': 'marco de indicadores (framework.csv)',
		'import.dataset.assessments': 'autoevaluaciones (assessments.csv)',
		'import.dataset.statistics': 'estadísticas (statistics.csv)',
		'import.dataset.activities': 'actividades (activities.csv)',
		'import.dataset.actions': 'plan de acción (actions.csv)',
		'import.kind.policy': 'política (se responde en la autoevaluación)',
		'import.kind.statistic': 'estadística (un valor por periodo)',

		'import.file.no_header':
			'«{file}» está vacío: no tiene fila de encabezado. Expórtelo de nuevo con los nombres de columna en la primera fila.',
		'import.file.no_rows': '«{file}» solo tiene la fila de encabezado: no hay filas de datos.',
		'import.file.unreadable':
			'No se pudo leer «{file}» como CSV (línea {line}): {reason} Corrija esa línea: cada fila debe tener tantos valores como el encabezado, y un valor que contenga el separador o un salto de línea debe ir entre comillas dobles. No se cargó ninguna fila.',
		'import.file.unreadable_noline':
			'No se pudo leer «{file}» como CSV: {reason} Revise que sea un archivo CSV de texto. No se cargó ninguna fila.',
		'import.csv.columns': 'se esperaban {expected} valores y la fila tiene {found}.',
		'import.csv.quote': 'hay unas comillas que no se cierran.',
		'import.csv.line_size': 'la línea es demasiado larga (¿faltan comillas de cierre?).',
		'import.dataset.unknown':
			'No se reconoció qué datos contiene «{file}». Nombre el archivo como el conjunto (districts.csv, framework.csv, assessments.csv, statistics.csv, activities.csv o actions.csv) o use los nombres de columna de la guía de datos.',
		'import.columns.missing':
			'Faltan columnas obligatorias de {dataset} en «{file}»: {columns}. Agréguelas a la fila de encabezado (se aceptan los nombres en español). No se cargó ninguna fila.',
		'import.columns.duplicate':
			'Se ignoró la columna «{header}»: «{column}» ya se lee de la columna «{source}». Quite o renombre una de las dos.',
		'import.columns.not_codes':
			'La columna «{header}» no contiene códigos ubigeo (6 dígitos), así que no se usó como código de distrito. Agregue una columna «ubigeo» con los códigos.',
		'import.lines.approximate':
			'Los números de línea de «{file}» pueden estar desplazados (hay valores entre comillas con saltos de línea).',
		'import.load.failed':
			'No se pudieron guardar las filas de «{file}»: {reason}. No se cambió ningún dato.',

		'import.issue.required': 'Falta «{column}», que es obligatorio. Complete la celda.',
		'import.issue.type_integer':
			'«{value}» no es un número entero. Escriba solo dígitos, sin decimales (por ejemplo 25).',
		'import.issue.type_number':
			'«{value}» no es un número. Escriba dígitos con coma o punto decimal (por ejemplo 12,5).',
		'import.issue.type_date':
			'«{value}» no es una fecha válida. Use AAAA-MM-DD (2024-04-03) o día/mes/año (3/4/2024).',
		'import.issue.type_timestamp':
			'«{value}» no es una fecha y hora válida. Use el formato ISO 8601, por ejemplo 2024-04-03T10:30:00.',
		'import.issue.type_boolean':
			'«{value}» no es sí o no. Escriba true o false (también sí/no o 1/0).',
		'import.issue.type_code':
			'«{value}» no es un código ubigeo. Escriba los 6 dígitos del INEI con el cero inicial (por ejemplo 070101) y guarde la columna como texto.',
		'import.issue.type_round':
			'«{value}» no es una ronda válida. Use AAAA, AAAA-S1 o AAAA-S2 (por ejemplo 2024-S1).',
		'import.issue.type_period':
			'«{value}» no es un periodo válido. Use AAAA o AAAA-MM (por ejemplo 2024-03).',
		'import.issue.type_url':
			'«{value}» no es un enlace permitido. Solo se aceptan direcciones que empiezan por http:// o https://.',
		'import.issue.allowed':
			'«{value}» no es un valor permitido de «{column}». Use uno de: {allowed}.',
		'import.issue.range_min': '{value} es menor que el mínimo permitido ({min}). Corrija la cifra.',
		'import.issue.range_min_exclusive': '{value} no es válido: debe ser mayor que {min}.',
		'import.issue.range_max': '{value} es mayor que el máximo permitido ({max}). Corrija la cifra.',
		'import.issue.reference.districts':
			'El distrito «{value}» no existe en districts.csv. Corrija el código o agregue el distrito a districts.csv.',
		'import.issue.reference.framework':
			'El indicador «{value}» no existe en framework.csv. Corrija el código o agregue el indicador a framework.csv.',
		'import.issue.indicator_kind':
			'El indicador «{value}» es de tipo {actual} en framework.csv, pero aquí se necesita uno de tipo {expected}.',
		'import.issue.duplicate':
			'Clave repetida ({value}): ya aparece en la línea {detail}. Elimine o corrija una de las dos filas.',
		'import.issue.duplicate_existing':
			'Clave repetida ({value}): ya está cargada en {dataset}. Quite la fila, o importe en modo «reemplazar» en lugar de «agregar».',
		'import.issue.migrant_population_gt_population':
			'La población migrante ({value}) supera la población total ({detail}). Corrija una de las dos cifras.',
		'import.issue.women_men_gt_total':
			'Mujeres + hombres ({value}) supera el total de participantes ({detail}). Corrija las cifras.',
		'import.issue.migrants_gt_total':
			'Las personas migrantes ({value}) superan el total de participantes ({detail}). Corrija las cifras.',
		'import.issue.weight_not_positive':
			'El peso {value} no es válido: en un indicador de política debe ser mayor que 0.',
		'import.issue.code_padded':
			'El código «{value}» tiene 5 dígitos; se leyó como {detail}, con el cero inicial. Guarde la columna como texto para conservar el cero.',
		'import.issue.date_future':
			'La fecha {value} es posterior a hoy ({today}). Se cargó; revise que sea correcta.',
		'import.issue.participants_high':
			'{value} participantes es una cifra inusualmente alta (más de 1000). Se cargó; revise que sea correcta.',
		'import.issue.completed_on_not_completada':
			'Hay fecha de cumplimiento ({value}) pero el estado es «{detail}», no «completada». Se cargó; corrija el estado o borre la fecha.'
	},
	en: {
		'import.severity.error': 'Error',
		'import.severity.warning': 'Warning',

		'import.dataset.districts': 'districts (districts.csv)',
		'import.dataset.framework': 'indicator framework (framework.csv)',
		'import.dataset.assessments': 'self-assessments (assessments.csv)',
		'import.dataset.statistics': 'statistics (statistics.csv)',
		'import.dataset.activities': 'activities (activities.csv)',
		'import.dataset.actions': 'action plan (actions.csv)',
		'import.kind.policy': 'policy (answered in the self-assessment)',
		'import.kind.statistic': 'statistic (a value per period)',

		'import.file.no_header':
			'“{file}” is empty: it has no header row. Export it again with the column names in the first row.',
		'import.file.no_rows': '“{file}” only has the header row: there are no data rows.',
		'import.file.unreadable':
			'“{file}” could not be read as CSV (line {line}): {reason} Fix that line: every row needs as many values as the header, and a value containing the delimiter or a line break must be in double quotes. No row was loaded.',
		'import.file.unreadable_noline':
			'“{file}” could not be read as CSV: {reason} Check that it is a plain-text CSV file. No row was loaded.',
		'import.csv.columns': '{expected} values were expected and the row has {found}.',
		'import.csv.quote': 'a quotation mark is never closed.',
		'import.csv.line_size': 'the line is too long (is a closing quotation mark missing?).',
		'import.dataset.unknown':
			'Could not tell which data “{file}” holds. Name the file after its dataset (districts.csv, framework.csv, assessments.csv, statistics.csv, activities.csv or actions.csv) or use the column names of the data guide.',
		'import.columns.missing':
			'Required columns of {dataset} are missing from “{file}”: {columns}. Add them to the header row (Spanish names are accepted too). No row was loaded.',
		'import.columns.duplicate':
			'Column “{header}” was ignored: “{column}” is already read from column “{source}”. Remove or rename one of them.',
		'import.columns.not_codes':
			'Column “{header}” does not hold ubigeo codes (6 digits), so it was not used as the district code. Add a “ubigeo” column with the codes.',
		'import.lines.approximate':
			'Line numbers for “{file}” may be off (some quoted values contain line breaks).',
		'import.load.failed': 'The rows of “{file}” could not be saved: {reason}. No data was changed.',

		'import.issue.required': '“{column}” is required and missing. Fill in the cell.',
		'import.issue.type_integer':
			'“{value}” is not a whole number. Write digits only, without decimals (for example 25).',
		'import.issue.type_number':
			'“{value}” is not a number. Write digits with a decimal point or comma (for example 12.5).',
		'import.issue.type_date':
			'“{value}” is not a valid date. Use YYYY-MM-DD (2024-04-03) or day/month/year (3/4/2024).',
		'import.issue.type_timestamp':
			'“{value}” is not a valid date and time. Use ISO 8601, for example 2024-04-03T10:30:00.',
		'import.issue.type_boolean':
			'“{value}” is not yes or no. Write true or false (or yes/no, 1/0).',
		'import.issue.type_code':
			'“{value}” is not a ubigeo code. Write the 6-digit INEI code with its leading zero (for example 070101) and save the column as text.',
		'import.issue.type_round':
			'“{value}” is not a valid round. Use YYYY, YYYY-S1 or YYYY-S2 (for example 2024-S1).',
		'import.issue.type_period':
			'“{value}” is not a valid period. Use YYYY or YYYY-MM (for example 2024-03).',
		'import.issue.type_url':
			'“{value}” is not an allowed link. Only addresses starting with http:// or https:// are accepted.',
		'import.issue.allowed':
			'“{value}” is not an allowed value of “{column}”. Use one of: {allowed}.',
		'import.issue.range_min': '{value} is below the allowed minimum ({min}). Correct the figure.',
		'import.issue.range_min_exclusive': '{value} is not valid: it must be greater than {min}.',
		'import.issue.range_max': '{value} is above the allowed maximum ({max}). Correct the figure.',
		'import.issue.reference.districts':
			'District “{value}” is not in districts.csv. Correct the code or add the district to districts.csv.',
		'import.issue.reference.framework':
			'Indicator “{value}” is not in framework.csv. Correct the code or add the indicator to framework.csv.',
		'import.issue.indicator_kind':
			'Indicator “{value}” is of kind {actual} in framework.csv, but this file needs one of kind {expected}.',
		'import.issue.duplicate':
			'Repeated key ({value}): it already appears on line {detail}. Remove or correct one of the two rows.',
		'import.issue.duplicate_existing':
			'Repeated key ({value}): it is already loaded in {dataset}. Remove the row, or import in “replace” mode instead of “append”.',
		'import.issue.migrant_population_gt_population':
			'The migrant population ({value}) exceeds the total population ({detail}). Correct one of the figures.',
		'import.issue.women_men_gt_total':
			'Women + men ({value}) exceeds the total number of participants ({detail}). Correct the figures.',
		'import.issue.migrants_gt_total':
			'Migrant participants ({value}) exceed the total number of participants ({detail}). Correct the figures.',
		'import.issue.weight_not_positive':
			'Weight {value} is not valid: for a policy indicator it must be greater than 0.',
		'import.issue.code_padded':
			'Code “{value}” has 5 digits; it was read as {detail}, with the leading zero. Save the column as text to keep the zero.',
		'import.issue.date_future':
			'The date {value} is after today ({today}). It was loaded; check that it is right.',
		'import.issue.participants_high':
			'{value} participants is unusually high (more than 1,000). It was loaded; check that it is right.',
		'import.issue.completed_on_not_completada':
			'There is a completion date ({value}) but the status is “{detail}”, not “completada”. It was loaded; correct the status or clear the date.'
	}
};
export default area;
