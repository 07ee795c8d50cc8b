import { describe, expect, it } from 'vitest';
import { abbreviate, abbreviateAll, layoutTiles, placeTiles, type TileDistrict } from './tile-map';

const d = (ubigeo: string, grid_row: number | null, grid_col: number | null): TileDistrict => ({
	ubigeo,
	grid_row,
	grid_col
});
const cells = (tiles: ReturnType<typeof placeTiles>) =>
	Object.fromEntries(tiles.map((t) => [t.ubigeo, [t.row, t.col, t.auto]]));

describe('placeTiles', () => {
	it.each([
		{
			// a 2 × 3 grid (rows 0–1, columns 0–2); three districts without a cell fill row 2 in code order
			name: 'missing cells go to the first free row after the grid',
			input: [
				d('06', null, null),
				d('01', 0, 0),
				d('02', 0, 2),
				d('04', null, null),
				d('03', 1, 1),
				d('05', null, null)
			],
			expected: {
				'01': [0, 0, false],
				'02': [0, 2, false],
				'03': [1, 1, false],
				'04': [2, 0, true],
				'05': [2, 1, true],
				'06': [2, 2, true]
			}
		},
		{
			// width 2: the fourth and fifth missing district wrap to row 3
			name: 'a narrow grid wraps the extra tiles',
			input: [
				d('01', 1, 0),
				d('02', 0, 1),
				d('03', null, 4),
				d('04', null, null),
				d('05', null, null),
				d('06', null, null)
			],
			expected: {
				'01': [1, 0, false],
				'02': [0, 1, false],
				'03': [2, 0, true],
				'04': [2, 1, true],
				'05': [3, 0, true],
				'06': [3, 1, true]
			}
		},
		{
			// two districts claim (0, 0): the lower code keeps it, the other is placed after the grid
			name: 'a taken cell is not shared',
			input: [d('09', 0, 0), d('01', 0, 0), d('02', 0, 1)],
			expected: { '01': [0, 0, false], '02': [0, 1, false], '09': [1, 0, true] }
		},
		{
			// no grid: ceil(√5) = 3 columns
			name: 'no grid at all makes a square-ish block',
			input: [
				d('05', null, null),
				d('04', null, null),
				d('03', null, null),
				d('02', null, null),
				d('01', null, null)
			],
			expected: {
				'01': [0, 0, true],
				'02': [0, 1, true],
				'03': [0, 2, true],
				'04': [1, 0, true],
				'05': [1, 1, true]
			}
		}
	])('$name', ({ input, expected }) => {
		const tiles = placeTiles(input);
		expect(tiles.map((t) => t.ubigeo)).toEqual(input.map((x) => x.ubigeo));
		expect(cells(tiles)).toEqual(expected);
	});

	it('does not depend on the order of the rows', () => {
		const input = [d('03', null, null), d('01', 0, 0), d('02', 0, 0), d('04', 1, 1)];
		expect(cells(placeTiles(input))).toEqual(cells(placeTiles([...input].reverse())));
	});
});

describe('abbreviate', () => {
	it.each([
		['Comas', 'COM'],
		['Ate', 'ATE'],
		['Rímac', 'RIM'],
		['San Isidro', 'SIS'],
		['Jesús María', 'JMA'],
		['La Molina', 'MOL'],
		['El Agustino', 'AGU'],
		['San Juan de Lurigancho', 'SJL'],
		['Villa María del Triunfo', 'VMT'],
		['Carmen de la Legua Reynoso', 'CLR'],
		['Magdalena del Mar', 'MMA'],
		['', '?']
	])('%s → %s', (name, expected) => {
		expect(abbreviate(name)).toBe(expected);
	});
});

describe('abbreviateAll', () => {
	it('gives names that clash their next candidate, together', () => {
		// LUR and LUR → first three letters plus the last: LURO, LURN
		expect(abbreviateAll(['Lurigancho', 'Lurín', 'Comas'])).toEqual(['LURO', 'LURN', 'COM']);
	});
	it('numbers a clash that no candidate resolves', () => {
		expect(abbreviateAll(['Lima', 'Lima'])).toEqual(['LIMA', 'LIMA2']);
	});
});

describe('layoutTiles', () => {
	it('places a cell at column × (size + gap), row × (size + gap)', () => {
		const layout = layoutTiles(
			[
				{ ubigeo: 'a', row: 0, col: 0, auto: false },
				{ ubigeo: 'b', row: 2, col: 1, auto: true }
			],
			60,
			4
		);
		expect(layout.tiles.map((t) => [t.x, t.y])).toEqual([
			[0, 0],
			[64, 128]
		]);
		// 2 columns: 2 × 64 − 4 = 124; 3 rows: 3 × 64 − 4 = 188
		expect([layout.width, layout.height]).toEqual([124, 188]);
	});
});
