import { Prisma } from "@/lib/generated/prisma/client";
import { plainMessage, type PlainCode } from "@/lib/messages/codes";
import { AppError, fieldErrorsFor } from "../app-error";

/** Turns a unique-constraint violation on `field` into that field's error (e.g. "validation.usernameTaken"). */
export function rethrowUnique(error: unknown, field: string, code: PlainCode): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError(plainMessage(code), fieldErrorsFor([field], plainMessage(code)));
  }
  throw error;
}
