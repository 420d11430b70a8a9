import { SetMetadata } from '@nestjs/common';
import { IS_PUBLIC_KEY } from './auth.constants';

/** No token needed (health, metrics). On a handler or a controller. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
