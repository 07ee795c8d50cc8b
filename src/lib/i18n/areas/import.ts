import { defineArea } from '../types';

// Validation and import messages. Owned by the import pipeline (src/lib/data).
// Issue messages do not repeat the file, line or column: the report shows them beside it.
const area = defineArea({
	es: {
		'import.cli.unreadable': 'No se pudo abrir «{file}» ({reason}). Revise la ruta del archivo.',
		'import.cli.unrecognised': 'no reconocido',
		'import.cli.table': 'tabla genérica',
		'import.cli.summary':
			'{file}: {what} · {encoding} · separador «{delimiter}» · {rows} filas · {columns} columnas · errores: {errors} · advertencias: {warnings}',
		'import.cli.line': 'línea {line}',
		'import.cli.more': '… y {count} problemas más (se cuentan, no se listan).',
		'import.cli.badType':
			'Tipo desconocido: {type}. Use districts, framework, assessments, statistics, activities, actions o table.',
		'import.cli.noFiles': 'Indique al menos un archivo CSV.',
		'import.code.required': 'Falta un valor obligatorio',
		'import.code.allowed': 'Valor no permitido',
		'import.code.range_min': 'Cifra menor que el mínimo',
		'import.code.range_max': 'Cifra mayor que el máximo',
		'import.code.reference': 'Código que no existe (distrito o indicador)',
		'import.code.indicator_kind': 'Indicador de otro tipo',
		'import.code.duplicate': 'Clave repetida en el archivo',
		'import.code.duplicate_existing': 'Clave ya cargada',
		'import.code.type_integer': 'No es un número entero',
		'import.code.type_number': 'No es un número',
		'import.code.type_date': 'Fecha no válida',
		'import.code.type_timestamp': 'Fecha y hora no válidas',
		'import.code.type_boolean': 'No es sí o no',
		'import.code.type_code': 'Código ubigeo no válido',
		'import.code.type_round': 'Ronda no válida',
		'import.code.type_period': 'Periodo no válido',
		'import.code.type_url': 'Enlace no permitido',
		'import.code.migrant_population_gt_population': 'Población migrante mayor que la total',
		'import.code.women_men_gt_total': 'Mujeres + hombres mayor que el total',
		'import.code.migrants_gt_total': 'Migrantes mayor que el total',
		'import.code.weight_not_positive': 'Peso no positivo',
		'import.code.code_padded': 'Ubigeo de 5 dígitos (se agregó el cero)',
		'import.code.date_future': 'Fecha futura',
		'import.code.participants_high': 'Cifra de participantes muy alta',
		'import.code.number_scientific': 'Número en notación científica',
		'import.code.completed_on_not_completada': 'Fecha de cumplimiento sin estado «completada»',
		'import.code.column_duplicate': 'Columna repetida',
		'import.code.column_not_codes': 'Columna «distrito» sin códigos',
		'import.code.file_empty': 'Archivo sin filas de datos',
		'import.code.lines_approximate': 'Números de línea aproximados',
		'import.code.file_no_header': 'Archivo vacío',
		'import.code.file_unreadable': 'El archivo no se pudo leer como CSV',
		'import.code.file_binary': 'No es un archivo de texto',
		'import.code.file_memory': 'Archivo demasiado grande',
		'import.code.file_too_many_columns': 'Demasiadas columnas',
		'import.code.file_line_too_long': 'Línea demasiado larga',
		'import.code.engine_stopped': 'El motor de datos se detuvo',
		'import.code.encoding_unknown': 'Codificación no reconocida',
		'import.code.encoding_replaced': 'Bytes que no son UTF-8',
		'import.code.encoding_suspect': 'Posible texto mal codificado',
		'import.code.nul_padding': 'Relleno de bytes nulos',
		'import.code.dataset_unknown': 'Tipo de datos no reconocido',
		'import.code.columns_missing': 'Faltan columnas obligatorias',
		'import.code.load_failed': 'No se pudieron guardar las filas',
		'import.code.columns_empty_dropped': 'Columnas vacías sin nombre quitadas',
		'import.code.columns_renamed': 'Columnas renombradas',
		'import.code.text_mixed_decimals': 'Columna con separadores decimales mezclados',
		'import.code.text_leading_zeros': 'Columna de códigos con ceros iniciales',
		'import.code.text_not_numbers': 'Columna casi numérica con texto',
		'import.code.text_not_dates': 'Columna casi de fechas con texto',
		'import.code.excel_scientific': 'Número en notación científica',
		'import.code.ambiguous_thousands': 'Separador de miles ambiguo',
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
		'import.file.encoding_unknown':
			'No se reconoció la codificación de «{file}»: no es UTF-8 ni Windows-1252 (puede ser Shift-JIS u otra codificación, o un archivo que no es de texto). En Excel use «Guardar como» → «CSV UTF-8 (delimitado por comas)», o elija la codificación a mano. No se cargó ninguna fila.',
		'import.file.binary':
			'«{file}» no parece un archivo de texto: la línea {line} contiene un carácter nulo (byte 0). Ábralo en Excel y guárdelo como «CSV UTF-8». No se cargó ninguna fila.',
		'import.file.encoding_suspect':
			'«{file}» no es UTF-8 válido y se leyó como Windows-1252, pero la línea {line} tiene «{sample}», que parece texto UTF-8 dañado. Revise la vista previa y, si ve caracteres raros, elija la codificación a mano o guarde el archivo de nuevo como «CSV UTF-8».',
		'import.file.nul_padding': '«{file}» terminaba con bytes nulos de relleno; se ignoraron.',
		'import.file.encoding_replaced':
			'{count} secuencias de bytes de «{file}» no son UTF-8 válido (la primera en la línea {line}) y se muestran como «�». Revise esos textos, o guarde el archivo de nuevo como «CSV UTF-8».',
		'import.file.memory':
			'«{file}» es demasiado grande para la memoria que el navegador da al motor de datos. No se cargó ninguna fila y los datos que ya tenía siguen intactos. Divida el archivo en partes más pequeñas (puede agregarlas una tras otra) o use un equipo con más memoria.',
		'import.file.too_many_columns':
			'«{file}» tiene {count} columnas en su primera fila y se leen como máximo {limit}, así que no se leyó. Quite las columnas que no necesita o divida el archivo en varios más angostos. Si no esperaba tantas columnas, revise el separador.',
		'import.file.line_too_long':
			'La línea {line} de «{file}» mide {size} KB y se leen como máximo {limit} KB por línea, así que el archivo no se leyó. Puede faltar un salto de línea o unas comillas de cierre: corrija esa línea o exporte el archivo de nuevo como CSV.',
		'import.file.memory_cli':
			'«{file}» es demasiado grande para la memoria del motor de datos. No se cargó ninguna fila. Divida el archivo en partes más pequeñas y revíselas una por una.',
		'import.file.engine_stopped':
			'El motor de datos se detuvo mientras leía «{file}» (probablemente por falta de memoria). Se reinició con los datos que ya tenía; no se cargó ninguna fila de este archivo. Divida el archivo en partes más pequeñas.',
		'import.csv.invalid':
			'el archivo no sigue el formato CSV (por ejemplo, comillas sin duplicar dentro de un valor entre comillas).',
		'import.csv.columns':
			'la fila tiene un número de valores distinto del de la primera fila ({found} en lugar de {expected}).',
		'import.csv.quote': 'hay unas comillas que no se cierran.',
		'import.csv.line_size': 'la línea es demasiado larga (¿faltan comillas de cierre?).',
		'import.dataset.unknown':
			'No se reconoció qué datos contiene «{file}». Nombre el archivo como el conjunto (districts.csv, framework.csv, assessments.csv, statistics.csv, activities.csv o actions.csv) o use los nombres de columna de la guía de datos.',
		'import.columns.missing':
			'Faltan columnas obligatorias de {dataset} en «{file}»: {columns}. Agréguelas a la fila de encabezado (se aceptan los nombres en español). No se cargó ninguna fila.',
		'import.columns.duplicate':
			'Se ignoró la columna «{header}»: «{column}» ya se lee de la columna «{source}». Quite o renombre una de las dos.',
		'import.columns.repeated':
			'La columna «{header}» aparece más de una vez en el encabezado: se lee la primera y se ignora la de la posición {position} (en la vista previa, «{name}»). Quite o renombre la repetida.',
		'import.columns.not_codes':
			'La columna «{header}» no contiene códigos ubigeo (6 dígitos), así que no se usó como código de distrito. Agregue una columna «ubigeo» con los códigos.',
		'import.lines.approximate':
			'Los números de línea de «{file}» pueden estar desplazados (hay valores entre comillas con saltos de línea).',
		'import.load.failed':
			'No se pudieron guardar las filas de «{file}»: {reason}. No se cambió ningún dato.',

		'import.table.empty':
			'«{file}» está vacío: no tiene ninguna fila. Revise que sea el archivo correcto.',
		'import.table.no_rows': '«{file}» solo tiene la fila de encabezado: la tabla queda sin filas.',
		'import.table.empty_dropped':
			'Se quitaron {count} columnas sin nombre y sin ningún valor (los «;;;» que Excel deja al final de las filas).',
		'import.table.renamed':
			'Algunas columnas no tenían nombre o lo repetían, y se llaman ahora: {columns}.',
		'import.table.mixed_decimals':
			'La columna mezcla coma decimal («{comma}», línea {commaLine}) y punto decimal («{dot}», línea {dotLine}), así que se dejó como texto para no leer mal ninguna cifra. Use un solo separador decimal.',
		'import.table.leading_zeros':
			'La columna «{column}» se dejó como texto para conservar los ceros iniciales (por ejemplo «{value}», línea {line}): es un código, no una cantidad.',
		'import.table.not_numbers':
			'La columna «{column}» parece numérica, pero «{value}» (línea {line}) no es un número ({count} valores así), así que se dejó como texto. Corrija esos valores si la columna debe sumarse.',
		'import.table.not_dates':
			'La columna «{column}» parece de fechas, pero «{value}» (línea {line}) no es una fecha válida ({count} valores así), así que se dejó como texto.',
		'import.table.ambiguous_thousands':
			'En la columna «{column}», «{value}» (línea {line}) se leyó como {read}: en este archivo el «{separator}» separa miles. Si era un decimal, corrija el valor.',
		'import.table.excel_scientific':
			'«{value}» (columna «{column}», línea {line}) está en notación científica: Excel pudo haber recortado cifras al guardar. Si es un código o un número largo, dele formato de texto o de número en Excel y guarde de nuevo.',
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
		'import.issue.number_scientific':
			'«{value}» está en notación científica: Excel pudo haber recortado cifras al guardar. Se cargó; si la cifra debe ser exacta, dé formato de número a la columna en Excel y guarde de nuevo.',
		'import.issue.completed_on_not_completada':
			'Hay fecha de cumplimiento ({value}) pero el estado es «{detail}», no «completada». Se cargó; corrija el estado o borre la fecha.'
	},
	en: {
		'import.cli.unreadable': 'Could not open “{file}” ({reason}). Check the file path.',
		'import.cli.unrecognised': 'not recognised',
		'import.cli.table': 'generic table',
		'import.cli.summary':
			'{file}: {what} · {encoding} · delimiter “{delimiter}” · {rows} rows · {columns} columns · errors: {errors} · warnings: {warnings}',
		'import.cli.line': 'line {line}',
		'import.cli.more': '… and {count} more problems (counted, not listed).',
		'import.cli.badType':
			'Unknown type: {type}. Use districts, framework, assessments, statistics, activities, actions or table.',
		'import.cli.noFiles': 'Give at least one CSV file.',
		'import.code.required': 'Required value missing',
		'import.code.allowed': 'Value not allowed',
		'import.code.range_min': 'Figure below the minimum',
		'import.code.range_max': 'Figure above the maximum',
		'import.code.reference': 'Unknown code (district or indicator)',
		'import.code.indicator_kind': 'Indicator of the other kind',
		'import.code.duplicate': 'Key repeated in the file',
		'import.code.duplicate_existing': 'Key already loaded',
		'import.code.type_integer': 'Not a whole number',
		'import.code.type_number': 'Not a number',
		'import.code.type_date': 'Invalid date',
		'import.code.type_timestamp': 'Invalid date and time',
		'import.code.type_boolean': 'Not yes or no',
		'import.code.type_code': 'Invalid ubigeo code',
		'import.code.type_round': 'Invalid round',
		'import.code.type_period': 'Invalid period',
		'import.code.type_url': 'Link not allowed',
		'import.code.migrant_population_gt_population': 'Migrant population above the total',
		'import.code.women_men_gt_total': 'Women + men above the total',
		'import.code.migrants_gt_total': 'Migrants above the total',
		'import.code.weight_not_positive': 'Weight not positive',
		'import.code.code_padded': '5-digit ubigeo (zero added)',
		'import.code.date_future': 'Date in the future',
		'import.code.participants_high': 'Very high number of participants',
		'import.code.number_scientific': 'Number in scientific notation',
		'import.code.completed_on_not_completada': 'Completion date without status “completada”',
		'import.code.column_duplicate': 'Repeated column',
		'import.code.column_not_codes': '“distrito” column without codes',
		'import.code.file_empty': 'File without data rows',
		'import.code.lines_approximate': 'Approximate line numbers',
		'import.code.file_no_header': 'Empty file',
		'import.code.file_unreadable': 'The file could not be read as CSV',
		'import.code.file_binary': 'Not a text file',
		'import.code.file_memory': 'File too big',
		'import.code.file_too_many_columns': 'Too many columns',
		'import.code.file_line_too_long': 'Line too long',
		'import.code.engine_stopped': 'The data engine stopped',
		'import.code.encoding_unknown': 'Encoding not recognised',
		'import.code.encoding_replaced': 'Bytes that are not UTF-8',
		'import.code.encoding_suspect': 'Possibly mis-encoded text',
		'import.code.nul_padding': 'Null-byte padding',
		'import.code.dataset_unknown': 'Kind of data not recognised',
		'import.code.columns_missing': 'Required columns missing',
		'import.code.load_failed': 'The rows could not be saved',
		'import.code.columns_empty_dropped': 'Empty unnamed columns removed',
		'import.code.columns_renamed': 'Columns renamed',
		'import.code.text_mixed_decimals': 'Column with mixed decimal separators',
		'import.code.text_leading_zeros': 'Code column with leading zeros',
		'import.code.text_not_numbers': 'Almost numeric column with text',
		'import.code.text_not_dates': 'Almost date column with text',
		'import.code.excel_scientific': 'Number in scientific notation',
		'import.code.ambiguous_thousands': 'Ambiguous thousands separator',
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
		'import.file.encoding_unknown':
			'Could not tell the encoding of “{file}”: it is neither UTF-8 nor Windows-1252 (it may be Shift-JIS or another encoding, or not a text file). In Excel use “Save as” → “CSV UTF-8 (Comma delimited)”, or choose the encoding by hand. No row was loaded.',
		'import.file.binary':
			'“{file}” does not look like a text file: line {line} holds a null character (byte 0). Open it in Excel and save it as “CSV UTF-8”. No row was loaded.',
		'import.file.encoding_suspect':
			'“{file}” is not valid UTF-8 and was read as Windows-1252, but line {line} holds “{sample}”, which looks like damaged UTF-8 text. Check the preview and, if you see odd characters, choose the encoding by hand or save the file again as “CSV UTF-8”.',
		'import.file.nul_padding': '“{file}” ended with null padding bytes; they were ignored.',
		'import.file.encoding_replaced':
			'{count} byte sequences of “{file}” are not valid UTF-8 (the first on line {line}) and show as “�”. Check those texts, or save the file again as “CSV UTF-8”.',
		'import.file.memory':
			'“{file}” is too big for the memory the browser gives the data engine. No row was loaded and the data you had are intact. Split the file into smaller parts (you can append them one after another) or use a computer with more memory.',
		'import.file.too_many_columns':
			'“{file}” has {count} columns in its first row and at most {limit} are read, so it was not read. Remove the columns you do not need, or split the file into narrower ones. If you did not expect so many columns, check the delimiter.',
		'import.file.line_too_long':
			'Line {line} of “{file}” is {size} KB long and at most {limit} KB per line are read, so the file was not read. A line break or a closing quote may be missing: fix that line, or export the file again as CSV.',
		'import.file.memory_cli':
			'“{file}” is too big for the data engine’s memory. No row was loaded. Split the file into smaller parts and check them one by one.',
		'import.file.engine_stopped':
			'The data engine stopped while reading “{file}” (probably out of memory). It restarted with the data you had; no row of this file was loaded. Split the file into smaller parts.',
		'import.csv.invalid':
			'the file does not follow the CSV format (for example, quotation marks not doubled inside a quoted value).',
		'import.csv.columns':
			'the row has a different number of values than the first row ({found} instead of {expected}).',
		'import.csv.quote': 'a quotation mark is never closed.',
		'import.csv.line_size': 'the line is too long (is a closing quotation mark missing?).',
		'import.dataset.unknown':
			'Could not tell which data “{file}” holds. Name the file after its dataset (districts.csv, framework.csv, assessments.csv, statistics.csv, activities.csv or actions.csv) or use the column names of the data guide.',
		'import.columns.missing':
			'Required columns of {dataset} are missing from “{file}”: {columns}. Add them to the header row (Spanish names are accepted too). No row was loaded.',
		'import.columns.duplicate':
			'Column “{header}” was ignored: “{column}” is already read from column “{source}”. Remove or rename one of them.',
		'import.columns.repeated':
			'The column “{header}” appears more than once in the header: the first is read and the one at position {position} is ignored (“{name}” in the preview). Remove or rename the repeated one.',
		'import.columns.not_codes':
			'Column “{header}” does not hold ubigeo codes (6 digits), so it was not used as the district code. Add a “ubigeo” column with the codes.',
		'import.lines.approximate':
			'Line numbers for “{file}” may be off (some quoted values contain line breaks).',
		'import.load.failed': 'The rows of “{file}” could not be saved: {reason}. No data was changed.',

		'import.table.empty':
			'“{file}” is empty: it has no row at all. Check that it is the right file.',
		'import.table.no_rows': '“{file}” only has the header row: the table has no rows.',
		'import.table.empty_dropped':
			'{count} columns without a name and without any value were removed (the “;;;” Excel leaves at the end of rows).',
		'import.table.renamed':
			'Some columns had no name or repeated one, and are now called: {columns}.',
		'import.table.mixed_decimals':
			'The column mixes a decimal comma (“{comma}”, line {commaLine}) and a decimal point (“{dot}”, line {dotLine}), so it was kept as text rather than misread. Use one decimal separator.',
		'import.table.leading_zeros':
			'Column “{column}” was kept as text to keep its leading zeros (for example “{value}”, line {line}): it is a code, not a quantity.',
		'import.table.not_numbers':
			'Column “{column}” looks numeric, but “{value}” (line {line}) is not a number ({count} such values), so it was kept as text. Correct those values if the column must add up.',
		'import.table.not_dates':
			'Column “{column}” looks like dates, but “{value}” (line {line}) is not a valid date ({count} such values), so it was kept as text.',
		'import.table.ambiguous_thousands':
			'In column “{column}”, “{value}” (line {line}) was read as {read}: in this file “{separator}” separates thousands. If it was a decimal, correct the value.',
		'import.table.excel_scientific':
			'“{value}” (column “{column}”, line {line}) is in scientific notation: Excel may have cut digits when saving. If it is a code or a long number, format it as text or number in Excel and save again.',
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
		'import.issue.number_scientific':
			'“{value}” is in scientific notation: Excel may have cut digits when saving. It was loaded; if the figure must be exact, format the column as a number in Excel and save again.',
		'import.issue.completed_on_not_completada':
			'There is a completion date ({value}) but the status is “{detail}”, not “completada”. It was loaded; correct the status or clear the date.'
	}
});
export default area;
