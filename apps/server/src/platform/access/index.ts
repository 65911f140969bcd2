export { type AllowlistOf, addressAllowed, registerAdminIpGuard } from './admin-ip-guard.ts';
export { assertMoneyVisible, assertWritableFields, hiddenFields, redactFields } from './field-visibility.ts';
export { effectivePermissions, type Principal } from './principal.ts';
export { inScope, scopeCondition, scopeFor } from './record-scope.ts';
export { csrfRequired, type RouteAccess, registerRouteAccess } from './route-access.ts';
export { assertVisibleReferences, type ReferenceTarget, referencesNotFound } from './visible-references.ts';
