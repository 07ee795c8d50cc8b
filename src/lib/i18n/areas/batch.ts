import { defineArea } from '../types';

// Several files staged together on /datos (a batch), and the plausibility
// warnings checked against the districts (src/lib/data/plausible.ts).
const area = defineArea({
	es: {
		'datos.batch.title': 'Cargar todo junto',
		'datos.batch.intro':
			'Los {n} archivos se revisan juntos: cada uno contra los distritos y el marco de indicadores que quedarán cargados. Se cargan en este orden: {order}.',
		'datos.batch.button': 'Cargar todo ({n} archivos)',
		'datos.batch.busy': 'Espere a que terminen de revisarse todos los archivos.',
		'datos.batch.blocked':
			'{n} archivos no se pueden cargar tal como están (vea su tarjeta); «Cargar todo» carga los demás.',
		'datos.batch.orphans':
			'Antes de reemplazar nada: estos datos ya cargados no están en este lote y dejarían de coincidir.',
		'datos.batch.orphansChoice':
			'Puede cancelar, y nada cambia; agregar a este lote los archivos de esos conjuntos, para reemplazarlos también; o cargar todo y quitar esas filas (una fila que deja de coincidir con ambos se cuenta en los dos).',
		'datos.batch.confirm': 'Cargar todo y quitar esas filas',
		'datos.batch.cancel': 'Cancelar',
		'datos.batch.cancelled': 'No se cambió nada: se descartaron los {n} archivos del lote.',
		'datos.batch.done': 'Se cargaron {n} archivos: {list}.',
		'datos.batch.rows': '{rows} filas en {target}',
		'datos.batch.waits':
			'Usa los distritos o el marco de indicadores de este lote, que aún no se cargaron: se carga con «Cargar todo», o después de ellos.',
		'datos.batch.rechecked':
			'Se revisó de nuevo: cambiaron los distritos o el marco de indicadores con los que se compara.',
		'import.code.migrants_above_district': 'Más migrantes que los del distrito',
		'import.code.participants_above_population': 'Más participantes que habitantes del distrito',
		'import.issue.migrants_above_district':
			'{value} participantes migrantes, pero el distrito tiene {detail} personas migrantes en total. Se cargó; revise la cifra o la población migrante del distrito.',
		'import.issue.participants_above_population':
			'{value} participantes, más que toda la población del distrito ({detail}). Se cargó; revise la cifra o la población del distrito.'
	},
	en: {
		'datos.batch.title': 'Load everything together',
		'datos.batch.intro':
			'The {n} files are checked together: each against the districts and the indicator framework that will be loaded. They load in this order: {order}.',
		'datos.batch.button': 'Load everything ({n} files)',
		'datos.batch.busy': 'Wait until every file has been checked.',
		'datos.batch.blocked':
			'{n} files cannot be loaded as they are (see their cards); “Load everything” loads the others.',
		'datos.batch.orphans':
			'Before anything is replaced: these loaded data are not in this batch and would no longer match.',
		'datos.batch.orphansChoice':
			'You can cancel, and nothing changes; add the files of those datasets to this batch, to replace them too; or load everything and remove those rows (a row that would match neither is counted under both).',
		'datos.batch.confirm': 'Load everything and remove those rows',
		'datos.batch.cancel': 'Cancel',
		'datos.batch.cancelled': 'Nothing was changed: the {n} files of the batch were discarded.',
		'datos.batch.done': '{n} files were loaded: {list}.',
		'datos.batch.rows': '{rows} rows into {target}',
		'datos.batch.waits':
			'It uses the districts or the indicator framework of this batch, not loaded yet: it loads with “Load everything”, or after them.',
		'datos.batch.rechecked':
			'Checked again: the districts or the indicator framework it is compared with changed.',
		'import.code.migrants_above_district': 'More migrants than the district has',
		'import.code.participants_above_population': 'More participants than the district’s population',
		'import.issue.migrants_above_district':
			'{value} migrant participants, but the district has {detail} migrants in all. It was loaded; check the figure or the district’s migrant population.',
		'import.issue.participants_above_population':
			'{value} participants, more than the district’s whole population ({detail}). It was loaded; check the figure or the district’s population.'
	}
});

export default area;
