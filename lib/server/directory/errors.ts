import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "../app-error";

/** Turns a unique-constraint violation on `field` into a field error. */
export function rethrowUnique(error: unknown, field: string, messageKey: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("conflict", messageKey, { [field]: [messageKey] });
  }
  throw error;
}
