export { type Config, ConfigError, environmentVariables, loadConfig } from './config.ts';
export { type Env, envSchema } from './env.ts';
export { resolveJwtSecret } from './jwt-secret.ts';
