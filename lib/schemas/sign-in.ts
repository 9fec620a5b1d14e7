import { z } from "zod";

// Shared by the login form and the credentials provider.
export const ZSignInSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: "login.emailInvalid" }),
  password: z.string().min(1, { message: "login.passwordRequired" }).max(200, { message: "validation.tooLong" }),
});
export type TSignInSchema = z.infer<typeof ZSignInSchema>;

/** Codes the credentials provider throws; next-auth hands them to the form as `error`. */
export type SignInErrorCode = "invalid_credentials" | "locked_out" | "rate_limited";

type SignInMessageCode = "login.lockedOut" | "login.rateLimited" | "login.invalidCredentials" | "login.unexpected";

/** The message code for what next-auth handed the form ("CredentialsSignin" is its word for a refusal). */
export function signInErrorMessage(error: string | null | undefined): SignInMessageCode {
  if (error === "locked_out") return "login.lockedOut";
  if (error === "rate_limited") return "login.rateLimited";
  if (error === "invalid_credentials" || error === "CredentialsSignin") return "login.invalidCredentials";
  return "login.unexpected";
}
