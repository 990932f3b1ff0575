import invalidListEntry from './invalid-list-entry';
import invalidName from './invalid-name';
import schemaValidation from './schema-validation';
import unknownResourceKind from './unknown-resource-kind';
import type { Rule } from '../types';

export default [invalidListEntry, invalidName, schemaValidation, unknownResourceKind] as Array<Rule<string, any>>;
