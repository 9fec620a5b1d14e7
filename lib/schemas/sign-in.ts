import { z } from "zod";

// Shared by the login form and the credentials provider.
export const ZSignInSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});
export type TSignInSchema = z.infer<typeof ZSignInSchema>;

/** Codes the credentials provider throws; next-auth hands them to the form as `error`. */
export type SignInErrorCode = "invalid_credentials" | "locked_out";
