import schemaValidation from './schema-validation';
import unknownResourceKind from './unknown-resource-kind';
import type { Rule } from '../types';

export default [schemaValidation, unknownResourceKind] as Array<Rule<string, any>>;
