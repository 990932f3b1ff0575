import noRbacWildcard from './no-rbac-wildcard';

export default [noRbacWildcard];
