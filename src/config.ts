// The only module that reads process.env. Every key is typed, defaulted for local use and documented
// in .env.example; production refuses to start without its secrets.
import path from 'node:path';
import { z } from 'zod';

const DEVELOPMENT_SECRET = 'development-only-secret-do-not-use-in-production-0000';

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BASE_URL: z.url().optional(),
  SERVICE_NAME: z.string().min(1).default('Mentoring Hub'),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54320),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
  SESSION_SECRET: z.string().min(32).optional(),
  ENCRYPTION_KEYS: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('Mentoring Hub <no-reply@mentoring-hub.invalid>'),
  RUN_WORKER: booleanish.default(true),
  TRUST_PROXY: booleanish.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export interface Config {
  env: Environment['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  baseUrl: string;
  serviceName: string;
  database: { url: string | undefined; dataDir: string; embeddedPort: number; poolSize: number };
  session: { secret: string; idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  /** Keys for confidential fields (AES-256-GCM); the first is used to encrypt, all to decrypt. */
  encryptionKeys: EncryptionKey[];
  mail: { smtpUrl: string | undefined; from: string; useOutbox: boolean };
  runWorker: boolean;
  trustProxy: boolean;
  logLevel: Environment['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** ENCRYPTION_KEYS is "id:base64key,id:base64key"; each key must be 32 bytes. */
function parseEncryptionKeys(raw: string | undefined, isProduction: boolean): EncryptionKey[] {
  if (!raw) {
    if (isProduction) throw new ConfigError('ENCRYPTION_KEYS must be set in production');
    return [{ id: 'dev', key: Buffer.alloc(32, 7) }];
  }
  return raw.split(',').map((entry) => {
    const [id, encoded] = entry.trim().split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || key.length !== 32) {
      throw new ConfigError('ENCRYPTION_KEYS entries must look like "id:<32 bytes in base64>"');
    }
    return { id, key };
  });
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';
  if (isProduction) {
    const missing = [
      env.SESSION_SECRET ? null : 'SESSION_SECRET',
      env.ENCRYPTION_KEYS ? null : 'ENCRYPTION_KEYS',
      env.BASE_URL ? null : 'BASE_URL',
      env.SMTP_URL ? null : 'SMTP_URL',
    ].filter((key): key is string => key !== null);
    if (missing.length > 0) {
      throw new ConfigError(`Production needs these settings: ${missing.join(', ')}`);
    }
  }
  const baseUrl = (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    env: env.NODE_ENV,
    isProduction,
    host: env.HOST,
    port: env.PORT,
    baseUrl,
    serviceName: env.SERVICE_NAME,
    database: {
      url: env.DATABASE_URL,
      dataDir: path.resolve(env.DATA_DIR),
      embeddedPort: env.EMBEDDED_DB_PORT,
      poolSize: env.DATABASE_POOL_SIZE,
    },
    session: {
      secret: env.SESSION_SECRET ?? DEVELOPMENT_SECRET,
      idleMinutes: env.SESSION_IDLE_MINUTES,
      absoluteHours: env.SESSION_ABSOLUTE_HOURS,
      // Secure cookies everywhere except plain-http local development.
      secureCookie: baseUrl.startsWith('https://'),
    },
    encryptionKeys: parseEncryptionKeys(env.ENCRYPTION_KEYS, isProduction),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, useOutbox: !env.SMTP_URL && !isProduction },
    runWorker: env.RUN_WORKER,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
  };
}
