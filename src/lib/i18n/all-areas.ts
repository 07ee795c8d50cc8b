// Every message area, by name; index.ts merges them, the tests check each.
export { default as common } from './areas/common';
export { default as domains } from './areas/domains';
export { default as imports } from './areas/import';
export { default as observatory } from './areas/observatory';
export { default as cli } from './areas/cli';
export { default as charts } from './areas/charts';
export { default as profile } from './areas/profile';
export { default as assessment } from './areas/assessment';
export { default as activities } from './areas/activities';
export { default as explorer } from './areas/explorer';
export { default as datos } from './areas/datos';
export { default as vocab } from './areas/vocab';
export { default as geo } from './areas/geo';
export { default as offline } from './areas/offline';
export { default as errors } from './areas/errors';
export { default as account } from './areas/account';
export { default as submission } from './areas/submission';
