import { defineArea } from '../types';

// The six MGI domains (DESIGN.md §4) and the four levels (§5).
const area = defineArea({
	es: {
		'domain.1': 'Derechos de las personas migrantes',
		'domain.2': 'Enfoque de gobierno integral',
		'domain.3': 'Alianzas',
		'domain.4': 'Bienestar socioeconómico',
		'domain.5': 'Movilidad en situaciones de crisis',
		'domain.6': 'Migración segura, ordenada y regular',
		'domain.short.1': 'Derechos',
		'domain.short.2': 'Gobierno integral',
		'domain.short.3': 'Alianzas',
		'domain.short.4': 'Bienestar',
		'domain.short.5': 'Crisis',
		'domain.short.6': 'Migración regular',
		'level.inicial': 'Inicial',
		'level.en_desarrollo': 'En desarrollo',
		'level.avanzado': 'Avanzado',
		'level.consolidado': 'Consolidado'
	},
	en: {
		'domain.1': "Migrants' rights",
		'domain.2': 'Whole-of-government approach',
		'domain.3': 'Partnerships',
		'domain.4': 'Socioeconomic well-being',
		'domain.5': 'Mobility dimensions of crises',
		'domain.6': 'Safe, orderly and regular migration',
		'domain.short.1': 'Rights',
		'domain.short.2': 'Whole of government',
		'domain.short.3': 'Partnerships',
		'domain.short.4': 'Well-being',
		'domain.short.5': 'Crises',
		'domain.short.6': 'Regular migration',
		'level.inicial': 'Initial',
		'level.en_desarrollo': 'Developing',
		'level.avanzado': 'Advanced',
		'level.consolidado': 'Consolidated'
	}
});
export default area;
