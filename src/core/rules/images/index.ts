import noInconsistentPullPolicy from './no-inconsistent-pull-policy';
import noLatestImageTag from './no-latest-image-tag';
import requireImageRegistry from './require-image-registry';

export default [noInconsistentPullPolicy, noLatestImageTag, requireImageRegistry];
