export const IS_PUBLIC_KEY = 'netkeep:public';
export const REQUIRED_ROLE_KEY = 'netkeep:required-role';
