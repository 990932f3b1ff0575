import noLatestImageTag from './no-latest-image-tag';

export default [noLatestImageTag];
