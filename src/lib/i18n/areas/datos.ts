import { defineArea } from '../types';

// The data page (/datos): import, validation report, loaded data. Owned by src/routes/datos.
const area = defineArea({
	es: {
		'datos.nav': 'Datos',
		'datos.title': 'Datos',
		'datos.intro':
			'Cargue sus propias hojas de cálculo (CSV, también guardadas con Excel en español), revise cómo se leen y qué problemas tienen, y elija si agregan o reemplazan los datos. Todo queda en este navegador: nada se envía a ningún servidor.',
		'datos.engine.waiting': 'Esperando al motor de datos…',
		'datos.engine.notReady':
			'El motor de datos no está listo. Espere a que termine de iniciar e inténtelo de nuevo.',
		'datos.noStorage':
			'Este navegador no permite guardar datos (¿modo privado?): lo que cargue durará solo mientras la página esté abierta.',
		'datos.persist.granted':
			'Almacenamiento persistente: concedido. El navegador no borrará por su cuenta los archivos guardados aquí.',
		'datos.persist.denied':
			'Almacenamiento persistente: no concedido. Si le falta espacio en el disco, el navegador podría borrar los archivos guardados aquí; guarde una copia con «Exportar todo».',
		'datos.persist.unsupported':
			'Este navegador no permite pedir almacenamiento persistente: si le falta espacio en el disco, podría borrar los archivos guardados aquí.',

		'datos.import.title': 'Cargar archivos',
		'datos.drop.label': 'Arrastre aquí uno o varios archivos CSV, o',
		'datos.drop.button': 'elija archivos',
		'datos.drop.hint':
			'Se aceptan archivos CSV o de texto separados por coma, punto y coma o tabulador, en UTF-8 (con o sin BOM), UTF-16 («Texto Unicode» de Excel) o Windows-1252.',
		'datos.drop.active': 'Suelte los archivos para analizarlos',

		'datos.file.size': '{size}',
		'datos.file.discard': 'Quitar',
		'datos.file.discardLabel': 'Quitar {file} de la lista',
		'datos.file.close': 'Cerrar',
		'datos.file.closeLabel': 'Cerrar el aviso de {file}',
		'datos.file.tooBig':
			'El archivo pesa más de 1 GB: es demasiado grande para abrirlo en el navegador. Divídalo en partes más pequeñas.',
		'datos.file.failed': 'No se pudo procesar el archivo: {reason}',
		'datos.file.options': 'Cómo leer el archivo',
		'datos.file.target': 'Cargar como',
		'datos.file.targetTable': 'Tabla adicional (para el explorador SQL)',
		'datos.file.detected': 'Detectado: {what}',
		'datos.file.detectedNone': 'No se reconoció el tipo de datos: elíjalo en la lista.',
		'datos.file.encoding': 'Codificación',
		'datos.file.encodingAuto': 'Automática ({detected})',
		'datos.file.encodingUnknown': 'no reconocida',
		'datos.file.delimiter': 'Separador',
		'datos.file.delimiterAuto': 'Automático ({detected})',
		'datos.delimiter.comma': 'coma «,»',
		'datos.delimiter.semicolon': 'punto y coma «;»',
		'datos.delimiter.tab': 'tabulador',
		'datos.delimiter.pipe': 'barra «|»',
		'datos.file.decimal': 'Decimales: {which}',
		'datos.file.decimalComma': 'coma (1.234,56)',
		'datos.file.decimalPoint': 'punto (1234.56)',
		'datos.file.dates': 'Fechas: {which}',
		'datos.file.datesDmy': 'día/mes/año',
		'datos.file.datesMdy': 'mes/día/año',
		'datos.file.datesYmd': 'año-mes-día',
		'datos.file.header': 'La primera fila tiene los nombres de las columnas',
		'datos.file.allText': 'Leer todas las columnas como texto',
		'datos.file.tableName': 'Nombre de la tabla',
		'datos.file.tableNameHint':
			'Solo letras minúsculas sin tilde, números y «_». Se creará como «{table}»{replace}.',
		'datos.file.tableReplaces': ' y reemplazará la tabla que ya tiene ese nombre',

		'datos.progress.label': 'Progreso de «{file}»',
		'datos.progress.elapsed': '{seconds} s',
		'datos.step.read': 'Leyendo el archivo…',
		'datos.step.decode': 'Detectando la codificación…',
		'datos.step.sniff': 'Detectando el separador y los formatos…',
		'datos.step.map': 'Reconociendo las columnas…',
		'datos.step.stage': 'Leyendo y convirtiendo las filas…',
		'datos.step.types': 'Reconociendo los tipos de las columnas…',
		'datos.step.validate': 'Validando…',
		'datos.step.load': 'Cargando las filas…',
		'datos.step.persist': 'Guardando en este navegador…',
		'datos.step.done': 'Listo',

		'datos.mapping.title': 'Columnas',
		'datos.mapping.intro':
			'Cada columna de {dataset} y la columna del archivo de donde se lee. Corríjalas si hace falta.',
		'datos.mapping.column': 'Columna del conjunto',
		'datos.mapping.source': 'Columna del archivo',
		'datos.mapping.required': 'obligatoria',
		'datos.mapping.optional': 'opcional',
		'datos.mapping.none': '— no se usa —',
		'datos.mapping.selectLabel': 'Columna del archivo para {column}',
		'datos.types.title': 'Columnas de la tabla',
		'datos.types.name': 'Columna',
		'datos.types.type': 'Tipo',
		'datos.type.VARCHAR': 'texto',
		'datos.type.BIGINT': 'número entero',
		'datos.type.DOUBLE': 'número decimal',
		'datos.type.DATE': 'fecha',
		'datos.type.TIMESTAMP': 'fecha y hora',
		'datos.type.BOOLEAN': 'verdadero/falso',

		'datos.preview.title': 'Vista previa',
		'datos.preview.show': 'Mostrar la vista previa',
		'datos.preview.hide': 'Ocultar la vista previa',
		'datos.preview.caption': 'Primeras {count} filas de «{file}», tal como se leen',
		'datos.preview.empty': 'El archivo no tiene filas de datos.',
		'datos.preview.row': 'Fila',

		'datos.report.title': 'Informe de validación',
		'datos.report.summary':
			'{rows} filas leídas: {errors} errores y {warnings} advertencias. Se cargarían {loadable} filas.',
		'datos.report.clean': '{rows} filas leídas, sin problemas.',
		'datos.report.cleanOrphans':
			'{rows} filas leídas, sin errores en el archivo; pero reemplazar con él dejaría {total} filas de otros conjuntos sin coincidencia (vea abajo).',
		'datos.report.blocked': 'No se puede cargar este archivo: corrija el error indicado abajo.',
		'datos.report.kinds': 'Totales por tipo de problema',
		'datos.report.kind': 'Problema',
		'datos.report.severity': 'Gravedad',
		'datos.report.count': 'Casos',
		'datos.report.issues': 'Cada problema, con su línea y su columna',
		'datos.report.line': 'Línea',
		'datos.report.column': 'Columna',
		'datos.report.message': 'Qué pasa y qué hacer',
		'datos.report.showing': 'Se muestran {shown} de {total}.',
		'datos.report.more': 'Mostrar {count} más',
		'datos.report.omitted':
			'Hay {count} problemas más que no se listan (se cuentan en los totales).',
		'datos.report.download': 'Descargar el informe (CSV)',
		'datos.report.errorsNote':
			'Las filas con errores no se cargan; las que solo tienen advertencias, sí.',

		'datos.mode.legend': '¿Qué hacer con los datos que ya hay en {dataset}?',
		'datos.mode.replace': 'Reemplazarlos',
		'datos.mode.replaceHint':
			'los datos actuales de este conjunto se sustituyen por los del archivo',
		'datos.mode.append': 'Agregar las filas del archivo',
		'datos.mode.appendHint': 'se comprueba que no repitan claves ya cargadas',
		'datos.orphans.title': 'Otros datos quedarían sin coincidencia',
		'datos.orphans.districts':
			'Si reemplaza los distritos con «{file}», {list} quedarán sin distrito: usan códigos de distrito (ubigeo) que el archivo nuevo no tiene.',
		'datos.orphans.districts.one':
			'Si reemplaza los distritos con «{file}», {list} quedará sin distrito: usa un código de distrito (ubigeo) que el archivo nuevo no tiene.',
		'datos.orphans.framework':
			'Si reemplaza el marco de indicadores con «{file}», {list} quedarán sin indicador: usan indicadores que el archivo nuevo no tiene, o que en él son de otro tipo.',
		'datos.orphans.framework.one':
			'Si reemplaza el marco de indicadores con «{file}», {list} quedará sin indicador: usa un indicador que el archivo nuevo no tiene, o que en él es de otro tipo.',
		'datos.orphans.choice':
			'Puede cancelar, y nada cambia, o reemplazar y quitar también esas {total} filas, para que las cifras de todas las pantallas sigan cuadrando. Para conservarlas, incluya esos códigos en el archivo o agregue sus filas en lugar de reemplazar.',
		'datos.orphans.changed':
			'Los datos cargados cambiaron mientras tanto: estas son las cifras de ahora.',
		'datos.orphans.cancel': 'Cancelar',
		'datos.orphans.remove.districts': 'Si quita los distritos, {list} quedarán sin distrito.',
		'datos.orphans.remove.districts.one': 'Si quita los distritos, {list} quedará sin distrito.',
		'datos.orphans.remove.framework':
			'Si quita el marco de indicadores, {list} quedarán sin indicador.',
		'datos.orphans.remove.framework.one':
			'Si quita el marco de indicadores, {list} quedará sin indicador.',
		'datos.orphans.removeChoice':
			'Puede cancelar, y nada cambia, o quitar también esas {total} filas, para que las cifras de todas las pantallas sigan cuadrando.',
		'datos.orphans.removeConfirm': 'Quitar también esas {total} filas',
		'datos.orphans.confirm': 'Reemplazar y quitar {total} filas',
		'datos.orphans.n.assessments.one': '{n} respuesta de autoevaluación',
		'datos.orphans.n.assessments.other': '{n} respuestas de autoevaluación',
		'datos.orphans.n.statistics.one': '{n} dato estadístico',
		'datos.orphans.n.statistics.other': '{n} datos estadísticos',
		'datos.orphans.n.activities.one': '{n} actividad',
		'datos.orphans.n.activities.other': '{n} actividades',
		'datos.orphans.n.actions.one': '{n} acción del plan',
		'datos.orphans.n.actions.other': '{n} acciones del plan',
		'datos.load.button': 'Cargar {rows} filas en {target}',
		'datos.load.tableButton': 'Crear la tabla «{table}» ({rows} filas)',
		'datos.load.done': 'Se cargaron {rows} filas de «{file}» en {target}.',
		'datos.load.pruned': 'También se quitaron {list}, que ya no coincidían.',
		'datos.load.saved': 'Quedan guardadas en este navegador para las próximas visitas.',
		'datos.load.notSaved':
			'No se pudieron guardar en este navegador (espacio lleno o modo privado): durarán solo mientras la página esté abierta.',

		'datos.loaded.title': 'Datos cargados',
		'datos.loaded.intro':
			'Lo que usan todas las pantallas. Los archivos que cargó se guardan en este navegador y se vuelven a cargar en cada visita.',
		'datos.loaded.caption': 'Conjuntos de datos cargados',
		'datos.loaded.dataset': 'Conjunto',
		'datos.loaded.rows': 'Filas',
		'datos.loaded.source': 'Archivo de origen',
		'datos.loaded.when': 'Cargado',
		'datos.loaded.actions': 'Acciones',
		'datos.loaded.demo': 'Datos de demostración',
		'datos.loaded.removed': 'Vaciado por usted',
		'datos.loaded.pruned': 'sin las filas que dejaron de coincidir',
		'datos.loaded.download': 'Descargar CSV',
		'datos.loaded.downloadLabel': 'Descargar CSV de {target}',
		'datos.loaded.remove': 'Quitar',
		'datos.loaded.removeLabel': 'Quitar los datos de {target}',
		'datos.loaded.tables': 'Tablas adicionales',
		'datos.loaded.tablesIntro':
			'Tablas que puede consultar en el explorador SQL con su nombre, por ejemplo: SELECT * FROM {example}.',
		'datos.loaded.tablesEmpty':
			'Ninguna todavía. Cargue cualquier CSV como «Tabla adicional» para consultarlo en el explorador SQL.',
		'datos.loaded.tablesCaption': 'Tablas adicionales cargadas',
		'datos.loaded.table': 'Tabla',
		'datos.export.all': 'Exportar todo (ZIP con los CSV del contrato)',
		'datos.export.progress': 'Exportando… {percent} %',
		'datos.restore.button': 'Restaurar los datos de demostración',
		'datos.restore.confirm':
			'Se quitarán todos los archivos que cargó y las tablas adicionales, y se volverán a cargar los datos de demostración. ¿Continuar?',
		'datos.restore.yes': 'Sí, restaurar',
		'datos.restore.no': 'Cancelar',
		'datos.restore.problems': 'Algunos archivos guardados no se pudieron volver a cargar:',
		'datos.restore.crashed':
			'«{file}» detuvo el motor de datos la última vez que se volvió a cargar, así que esta vez no se cargó. El archivo sigue guardado en este navegador y los demás datos se cargaron. Puede volver a intentarlo; si lo detiene otra vez, cárguelo de nuevo en partes más pequeñas.',
		'datos.restore.retry': 'Volver a intentarlo (recarga la página)',
		'datos.restore.missing':
			'El archivo «{file}» ya no está guardado en este navegador (¿se borraron los datos del sitio?). Cárguelo de nuevo.',
		'datos.restore.nameTaken':
			'La tabla «{table}» no se pudo volver a crear porque su nombre ya está en uso.',

		'datos.notice.loaded': 'Se cargaron {rows} filas de «{file}». Todas las pantallas ya las usan.',
		'datos.notice.tableLoaded':
			'Se creó la tabla «{target}» con {rows} filas de «{file}». Ya puede consultarla en el explorador SQL.',
		'datos.notice.loadedPruned':
			'Se cargaron {rows} filas de «{file}» y se quitaron {list}, que ya no coincidían. Todas las pantallas ya usan los datos nuevos.',
		'datos.notice.cancelled': 'No se cambió nada: se descartó «{file}».',
		'datos.notice.removed': 'Se quitaron los datos de {dataset}.',
		'datos.notice.removedPruned':
			'Se quitaron los datos de {dataset} y {list}, que ya no coincidían.',
		'datos.notice.tableRemoved': 'Se quitó la tabla «{target}».',
		'datos.notice.restored': 'Se restauraron los datos de demostración.',
		'datos.notice.exported': 'Se descargó el archivo ZIP con todos los conjuntos de datos.',
		'datos.notice.exportFailed': 'No se pudo exportar: {reason}',
		'datos.notice.notSaved':
			'El cambio se aplicó, pero no se pudo guardar en este navegador: se perderá al recargar la página.',
		'datos.notice.close': 'Cerrar el aviso'
	},
	en: {
		'datos.nav': 'Data',
		'datos.title': 'Data',
		'datos.intro':
			'Load your own spreadsheets (CSV, also as saved by Excel in Spanish), check how they are read and what problems they have, and choose whether they add to or replace the data. Everything stays in this browser: nothing is sent to any server.',
		'datos.engine.waiting': 'Waiting for the data engine…',
		'datos.engine.notReady':
			'The data engine is not ready. Wait until it has started and try again.',
		'datos.noStorage':
			'This browser does not allow saving data (private mode?): what you load lasts only while the page is open.',
		'datos.persist.granted':
			'Persistent storage: granted. The browser will not clear the files kept here on its own.',
		'datos.persist.denied':
			'Persistent storage: not granted. When the disk runs short, the browser may clear the files kept here; keep a copy with “Export everything”.',
		'datos.persist.unsupported':
			'This browser cannot be asked for persistent storage: when the disk runs short, it may clear the files kept here.',

		'datos.import.title': 'Load files',
		'datos.drop.label': 'Drop one or several CSV files here, or',
		'datos.drop.button': 'choose files',
		'datos.drop.hint':
			'CSV or text files separated by comma, semicolon or tab are accepted, in UTF-8 (with or without BOM), UTF-16 (Excel “Unicode Text”) or Windows-1252.',
		'datos.drop.active': 'Drop the files to analyse them',

		'datos.file.size': '{size}',
		'datos.file.discard': 'Remove',
		'datos.file.discardLabel': 'Remove {file} from the list',
		'datos.file.close': 'Close',
		'datos.file.closeLabel': 'Close the notice about {file}',
		'datos.file.tooBig':
			'The file is larger than 1 GB: too big to open in the browser. Split it into smaller parts.',
		'datos.file.failed': 'The file could not be processed: {reason}',
		'datos.file.options': 'How to read the file',
		'datos.file.target': 'Load as',
		'datos.file.targetTable': 'Extra table (for the SQL explorer)',
		'datos.file.detected': 'Detected: {what}',
		'datos.file.detectedNone': 'The kind of data was not recognised: choose it in the list.',
		'datos.file.encoding': 'Encoding',
		'datos.file.encodingAuto': 'Automatic ({detected})',
		'datos.file.encodingUnknown': 'not recognised',
		'datos.file.delimiter': 'Delimiter',
		'datos.file.delimiterAuto': 'Automatic ({detected})',
		'datos.delimiter.comma': 'comma “,”',
		'datos.delimiter.semicolon': 'semicolon “;”',
		'datos.delimiter.tab': 'tab',
		'datos.delimiter.pipe': 'pipe “|”',
		'datos.file.decimal': 'Decimals: {which}',
		'datos.file.decimalComma': 'comma (1.234,56)',
		'datos.file.decimalPoint': 'point (1234.56)',
		'datos.file.dates': 'Dates: {which}',
		'datos.file.datesDmy': 'day/month/year',
		'datos.file.datesMdy': 'month/day/year',
		'datos.file.datesYmd': 'year-month-day',
		'datos.file.header': 'The first row holds the column names',
		'datos.file.allText': 'Read every column as text',
		'datos.file.tableName': 'Table name',
		'datos.file.tableNameHint':
			'Lower-case letters without accents, digits and “_” only. It will be created as “{table}”{replace}.',
		'datos.file.tableReplaces': ' and will replace the table that already has that name',

		'datos.progress.label': 'Progress of “{file}”',
		'datos.progress.elapsed': '{seconds} s',
		'datos.step.read': 'Reading the file…',
		'datos.step.decode': 'Detecting the encoding…',
		'datos.step.sniff': 'Detecting the delimiter and formats…',
		'datos.step.map': 'Recognising the columns…',
		'datos.step.stage': 'Reading and converting the rows…',
		'datos.step.types': 'Recognising the column types…',
		'datos.step.validate': 'Validating…',
		'datos.step.load': 'Loading the rows…',
		'datos.step.persist': 'Saving in this browser…',
		'datos.step.done': 'Done',

		'datos.mapping.title': 'Columns',
		'datos.mapping.intro':
			'Each column of {dataset} and the column of the file it is read from. Correct them if needed.',
		'datos.mapping.column': 'Dataset column',
		'datos.mapping.source': 'File column',
		'datos.mapping.required': 'required',
		'datos.mapping.optional': 'optional',
		'datos.mapping.none': '— not used —',
		'datos.mapping.selectLabel': 'File column for {column}',
		'datos.types.title': 'Table columns',
		'datos.types.name': 'Column',
		'datos.types.type': 'Type',
		'datos.type.VARCHAR': 'text',
		'datos.type.BIGINT': 'whole number',
		'datos.type.DOUBLE': 'decimal number',
		'datos.type.DATE': 'date',
		'datos.type.TIMESTAMP': 'date and time',
		'datos.type.BOOLEAN': 'true/false',

		'datos.preview.title': 'Preview',
		'datos.preview.show': 'Show the preview',
		'datos.preview.hide': 'Hide the preview',
		'datos.preview.caption': 'First {count} rows of “{file}”, as read',
		'datos.preview.empty': 'The file has no data rows.',
		'datos.preview.row': 'Row',

		'datos.report.title': 'Validation report',
		'datos.report.summary':
			'{rows} rows read: {errors} errors and {warnings} warnings. {loadable} rows would be loaded.',
		'datos.report.clean': '{rows} rows read, no problems.',
		'datos.report.cleanOrphans':
			'{rows} rows read, no errors in the file; but replacing with it would leave {total} rows of other datasets without a match (see below).',
		'datos.report.blocked': 'This file cannot be loaded: fix the error shown below.',
		'datos.report.kinds': 'Totals by kind of problem',
		'datos.report.kind': 'Problem',
		'datos.report.severity': 'Severity',
		'datos.report.count': 'Cases',
		'datos.report.issues': 'Each problem, with its line and column',
		'datos.report.line': 'Line',
		'datos.report.column': 'Column',
		'datos.report.message': 'What is wrong and what to do',
		'datos.report.showing': 'Showing {shown} of {total}.',
		'datos.report.more': 'Show {count} more',
		'datos.report.omitted': 'There are {count} more problems, not listed (counted in the totals).',
		'datos.report.download': 'Download the report (CSV)',
		'datos.report.errorsNote': 'Rows with errors are not loaded; rows with only warnings are.',

		'datos.mode.legend': 'What to do with the data already in {dataset}?',
		'datos.mode.replace': 'Replace them',
		'datos.mode.replaceHint': 'the current data of this dataset are replaced by the file’s',
		'datos.mode.append': 'Add the file’s rows',
		'datos.mode.appendHint': 'keys already loaded are checked for repeats',
		'datos.orphans.title': 'Other data would no longer match',
		'datos.orphans.districts':
			'If you replace the districts with “{file}”, {list} will be left without a district: they use district codes (ubigeo) the new file does not have.',
		'datos.orphans.districts.one':
			'If you replace the districts with “{file}”, {list} will be left without a district: it uses a district code (ubigeo) the new file does not have.',
		'datos.orphans.framework':
			'If you replace the indicator framework with “{file}”, {list} will be left without an indicator: they use indicators the new file does not have, or has with another kind.',
		'datos.orphans.framework.one':
			'If you replace the indicator framework with “{file}”, {list} will be left without an indicator: it uses an indicator the new file does not have, or has with another kind.',
		'datos.orphans.choice':
			'You can cancel, and nothing changes, or replace and also remove those {total} rows, so that the figures of every screen still add up. To keep them, include those codes in the file, or add its rows instead of replacing.',
		'datos.orphans.changed': 'The loaded data changed in the meantime: these are the figures now.',
		'datos.orphans.cancel': 'Cancel',
		'datos.orphans.remove.districts':
			'If you remove the districts, {list} will be left without a district.',
		'datos.orphans.remove.districts.one':
			'If you remove the districts, {list} will be left without a district.',
		'datos.orphans.remove.framework':
			'If you remove the indicator framework, {list} will be left without an indicator.',
		'datos.orphans.remove.framework.one':
			'If you remove the indicator framework, {list} will be left without an indicator.',
		'datos.orphans.removeChoice':
			'You can cancel, and nothing changes, or also remove those {total} rows, so that the figures of every screen still add up.',
		'datos.orphans.removeConfirm': 'Also remove those {total} rows',
		'datos.orphans.confirm': 'Replace and remove {total} rows',
		'datos.orphans.n.assessments.one': '{n} self-assessment answer',
		'datos.orphans.n.assessments.other': '{n} self-assessment answers',
		'datos.orphans.n.statistics.one': '{n} statistic',
		'datos.orphans.n.statistics.other': '{n} statistics',
		'datos.orphans.n.activities.one': '{n} activity',
		'datos.orphans.n.activities.other': '{n} activities',
		'datos.orphans.n.actions.one': '{n} action-plan item',
		'datos.orphans.n.actions.other': '{n} action-plan items',
		'datos.load.button': 'Load {rows} rows into {target}',
		'datos.load.tableButton': 'Create table “{table}” ({rows} rows)',
		'datos.load.done': '{rows} rows of “{file}” were loaded into {target}.',
		'datos.load.pruned': '{list} that no longer matched were also removed.',
		'datos.load.saved': 'They are saved in this browser for your next visits.',
		'datos.load.notSaved':
			'They could not be saved in this browser (storage full or private mode): they last only while the page is open.',

		'datos.loaded.title': 'Loaded data',
		'datos.loaded.intro':
			'What every screen uses. The files you loaded are saved in this browser and loaded again on every visit.',
		'datos.loaded.caption': 'Loaded datasets',
		'datos.loaded.dataset': 'Dataset',
		'datos.loaded.rows': 'Rows',
		'datos.loaded.source': 'Source file',
		'datos.loaded.when': 'Loaded',
		'datos.loaded.actions': 'Actions',
		'datos.loaded.demo': 'Demo data',
		'datos.loaded.removed': 'Emptied by you',
		'datos.loaded.pruned': 'without the rows that stopped matching',
		'datos.loaded.download': 'Download CSV',
		'datos.loaded.downloadLabel': 'Download CSV of {target}',
		'datos.loaded.remove': 'Remove',
		'datos.loaded.removeLabel': 'Remove the data of {target}',
		'datos.loaded.tables': 'Extra tables',
		'datos.loaded.tablesIntro':
			'Tables you can query in the SQL explorer by name, for example: SELECT * FROM {example}.',
		'datos.loaded.tablesEmpty':
			'None yet. Load any CSV as an “Extra table” to query it in the SQL explorer.',
		'datos.loaded.tablesCaption': 'Loaded extra tables',
		'datos.loaded.table': 'Table',
		'datos.export.all': 'Export everything (ZIP with the contract’s CSV files)',
		'datos.export.progress': 'Exporting… {percent} %',
		'datos.restore.button': 'Restore the demo data',
		'datos.restore.confirm':
			'Every file you loaded and every extra table will be removed, and the demo data loaded again. Continue?',
		'datos.restore.yes': 'Yes, restore',
		'datos.restore.no': 'Cancel',
		'datos.restore.problems': 'Some saved files could not be loaded again:',
		'datos.restore.crashed':
			'“{file}” stopped the data engine the last time it was loaded again, so it was not loaded this time. The file is still kept in this browser, and the other data were loaded. You can try again; if it stops the engine again, load it again in smaller parts.',
		'datos.restore.retry': 'Try again (reloads the page)',
		'datos.restore.missing':
			'The file “{file}” is no longer saved in this browser (were the site’s data cleared?). Load it again.',
		'datos.restore.nameTaken':
			'Table “{table}” could not be created again because its name is now in use.',

		'datos.notice.loaded': '{rows} rows of “{file}” were loaded. Every screen uses them now.',
		'datos.notice.tableLoaded':
			'Table “{target}” was created with {rows} rows of “{file}”. You can query it in the SQL explorer.',
		'datos.notice.loadedPruned':
			'{rows} rows of “{file}” were loaded, and {list} that no longer matched were removed. Every screen uses the new data now.',
		'datos.notice.cancelled': 'Nothing changed: “{file}” was discarded.',
		'datos.notice.removed': 'The data of {dataset} were removed.',
		'datos.notice.removedPruned':
			'The data of {dataset} were removed, and so were {list} that no longer matched.',
		'datos.notice.tableRemoved': 'Table “{target}” was removed.',
		'datos.notice.restored': 'The demo data were restored.',
		'datos.notice.exported': 'The ZIP file with every dataset was downloaded.',
		'datos.notice.exportFailed': 'The export failed: {reason}',
		'datos.notice.notSaved':
			'The change was applied, but could not be saved in this browser: it will be lost on reload.',
		'datos.notice.close': 'Close the notice'
	}
});
export default area;
