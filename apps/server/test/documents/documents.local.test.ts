import { documentsSuite } from './documents-suite.ts';

documentsSuite('local');
