/** AppError lives in the kernel (domain/errors.ts); this re-export keeps older imports working. Import '../../domain' in new code. */
export { AppError, rejected, type ErrorDetail, type ErrorKind, type MessageParams } from '../../domain';
