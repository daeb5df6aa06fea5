/**
 * Bicep rendering of stack models.
 */
export { renderBicep } from './bicep-writer.js';
export { renderBicepExpression, renderBicepValue, type BicepContext } from './bicep-expression.js';
export { assignSymbols, type BicepSymbols } from './identifiers.js';
export { bicepString } from './bicep-syntax.js';
