import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/*
 * Passwords are hashed with scrypt (memory-hard, built into Node, no native add-on to install).
 * The stored form carries its parameters so they can be raised later without breaking old hashes.
 */
const COST = 16384;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;

function deriveKey(password: string, salt: Buffer, cost: number, blockSize: number, parallelism: number) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize("NFC"),
      salt,
      KEY_LENGTH,
      { N: cost, r: blockSize, p: parallelism, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, COST, BLOCK_SIZE, PARALLELISM);
  return ["scrypt", COST, BLOCK_SIZE, PARALLELISM, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, blockSize, parallelism, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !cost || !blockSize || !parallelism || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await deriveKey(password, Buffer.from(salt, "base64"), +cost, +blockSize, +parallelism);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Checked instead when an e-mail address has no password: the answer then takes as long as for
 * an account, so the time does not tell which addresses have accounts. No password matches it.
 */
export const DUMMY_PASSWORD_HASH =
  "scrypt$16384$8$1$gqAkDINFHJdafmwbIO7Tzw==$3prW7cgN2mpvoxn1kq9q78VbfnsPOSxrtjP5eJ1VeYY=";
