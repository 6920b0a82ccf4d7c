import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, await getAuthOptions());
}

export { handler as GET, handler as POST };
