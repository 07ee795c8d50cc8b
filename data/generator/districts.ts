import { int, toCsv, type Cell } from './format';

export interface District {
	ubigeo: string;
	name: string;
	province: 'Lima' | 'Callao';
	department: 'Lima' | 'Callao';
	population: number;
	migrantPopulation: number;
	gridRow: number;
	gridCol: number;
}

/**
 * [ubigeo, name, population, migrant share in %, grid row, grid col].
 *
 * Codes and names are INEI's. Populations are rounded, synthetic figures of the
 * order of the 2017 census and later estimates; migrant shares are invented but
 * follow the known pattern (higher in central and northern Lima, low on the
 * southern beaches). The tile grid keeps neighbours together: north Lima at the
 * top, the southern beaches at the bottom, the Rímac valley (Lurigancho,
 * Chaclacayo) and Cieneguilla on the right, Callao's seven districts on the left.
 *
 *   row 0            Ancón Carabayllo
 *   row 1       StaRosa PtePiedra Comas
 *   row 2    Ventan MiPerú LosOliv Indep SJL Lurig
 *   row 3    Callao CLegua SMP Rímac Agustino Ate Chacl
 *   row 4 LaPunta LaPerla Bellav Breña Lima LaVict StaAnita Ciene
 *   row 5    SMiguel PLibre JMaría Lince SanLuis LaMolina
 *   row 6           Magdal SIsidro Surquillo SBorja Surco
 *   row 7                 Miraf Barranco SJM VMT Pachac
 *   row 8                      Chorrillos VES Lurín
 *   row 9                                PtaHermosa PtaNegra
 *   row 10                                     SBartolo StaMaría
 *   row 11                                              Pucusana
 */
const LIMA: [string, string, number, number, number, number][] = [
	['150101', 'Lima', 278804, 11, 4, 4],
	['150102', 'Ancón', 69530, 3, 0, 3],
	['150103', 'Ate', 671862, 7, 3, 6],
	['150104', 'Barranco', 35240, 6, 7, 4],
	['150105', 'Breña', 88421, 11, 4, 3],
	['150106', 'Carabayllo', 381457, 5, 0, 4],
	['150107', 'Chaclacayo', 45118, 3, 3, 7],
	['150108', 'Chorrillos', 340520, 8, 8, 4],
	['150109', 'Cieneguilla', 37812, 2.5, 4, 7],
	['150110', 'Comas', 553481, 6, 1, 4],
	['150111', 'El Agustino', 206377, 6.5, 3, 5],
	['150112', 'Independencia', 224358, 7.5, 2, 4],
	['150113', 'Jesús María', 77962, 10, 5, 3],
	['150114', 'La Molina', 150112, 3.5, 5, 6],
	['150115', 'La Victoria', 180247, 10.5, 4, 5],
	['150116', 'Lince', 56307, 10, 5, 4],
	['150117', 'Los Olivos', 360532, 8.5, 2, 3],
	['150118', 'Lurigancho', 262703, 4, 2, 6],
	['150119', 'Lurín', 95184, 4, 8, 6],
	['150120', 'Magdalena del Mar', 62481, 9, 6, 2],
	['150121', 'Pueblo Libre', 85764, 8, 5, 2],
	['150122', 'Miraflores', 102341, 7.5, 7, 3],
	['150123', 'Pachacámac', 132604, 3, 7, 7],
	['150124', 'Pucusana', 18203, 2, 11, 8],
	['150125', 'Puente Piedra', 380265, 6, 1, 3],
	['150126', 'Punta Hermosa', 16540, 2.5, 9, 6],
	['150127', 'Punta Negra', 8923, 2, 9, 7],
	['150128', 'Rímac', 178206, 8.5, 3, 4],
	['150129', 'San Bartolo', 8214, 2, 10, 7],
	['150130', 'San Borja', 117408, 5, 6, 5],
	['150131', 'San Isidro', 61023, 5.5, 6, 3],
	['150132', 'San Juan de Lurigancho', 1177629, 7, 2, 5],
	['150133', 'San Juan de Miraflores', 378840, 6, 7, 5],
	['150134', 'San Luis', 54871, 8, 5, 5],
	['150135', 'San Martín de Porres', 744050, 9, 3, 3],
	['150136', 'San Miguel', 161972, 8, 5, 1],
	['150137', 'Santa Anita', 228422, 7, 4, 6],
	['150138', 'Santa María del Mar', 1608, 1.5, 10, 8],
	['150139', 'Santa Rosa', 31845, 3, 1, 2],
	['150140', 'Santiago de Surco', 357600, 5.5, 6, 6],
	['150141', 'Surquillo', 94318, 9.5, 6, 4],
	['150142', 'Villa El Salvador', 423887, 5, 8, 5],
	['150143', 'Villa María del Triunfo', 431114, 4.5, 7, 6]
];

const CALLAO: [string, string, number, number, number, number][] = [
	['070101', 'Callao', 464311, 7.5, 3, 1],
	['070102', 'Bellavista', 76480, 8, 4, 2],
	['070103', 'Carmen de la Legua Reynoso', 42304, 7, 3, 2],
	['070104', 'La Perla', 62010, 7, 4, 1],
	['070105', 'La Punta', 3516, 2.5, 4, 0],
	['070106', 'Ventanilla', 372899, 5.5, 2, 1],
	['070107', 'Mi Perú', 63115, 5, 2, 2]
];

function build(
	rows: [string, string, number, number, number, number][],
	province: 'Lima' | 'Callao'
): District[] {
	return rows.map(([ubigeo, name, population, share, gridRow, gridCol]) => ({
		ubigeo,
		name,
		province,
		department: province,
		population,
		migrantPopulation: Math.round((population * share) / 100),
		gridRow,
		gridCol
	}));
}

export const DISTRICTS: readonly District[] = [...build(LIMA, 'Lima'), ...build(CALLAO, 'Callao')];

export function districtByUbigeo(ubigeo: string): District {
	const d = DISTRICTS.find((x) => x.ubigeo === ubigeo);
	if (!d) throw new Error(`unknown ubigeo ${ubigeo}`);
	return d;
}

/** Initials used in municipal document numbers: `MDSJL`, `MDLV`; `MML` and `MPC` for the provincial seats. */
export function municipalAcronym(d: District): string {
	if (d.ubigeo === '150101') return 'MML';
	if (d.ubigeo === '070101') return 'MPC';
	const initials = d.name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.split(' ')
		.filter((w) => !['de', 'del', 'la', 'los', 'las'].includes(w))
		.map((w) => w[0].toUpperCase())
		.join('');
	return `MD${initials}`;
}

export const DISTRICT_COLUMNS = [
	'ubigeo',
	'name',
	'province',
	'department',
	'population',
	'migrant_population',
	'grid_row',
	'grid_col'
] as const;

export function districtsCsv(): string {
	const rows: Record<string, Cell>[] = DISTRICTS.map((d) => ({
		ubigeo: d.ubigeo,
		name: d.name,
		province: d.province,
		department: d.department,
		population: int(d.population),
		migrant_population: int(d.migrantPopulation),
		grid_row: int(d.gridRow),
		grid_col: int(d.gridCol)
	}));
	return toCsv(DISTRICT_COLUMNS, rows);
}
