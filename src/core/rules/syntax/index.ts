/** Rules reported by the parser itself (they have no `check`). */
import helmTemplate from './helm-template';
import inputTooLarge from './input-too-large';
import yamlDuplicateKey from './yaml-duplicate-key';
import yamlSyntax from './yaml-syntax';

export default [helmTemplate, inputTooLarge, yamlDuplicateKey, yamlSyntax];
