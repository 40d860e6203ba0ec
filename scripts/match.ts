// npm run match -- --input instance.json --output result.json
// npm run match -- --generate --officers 2000 --units 300 --seed 1 --output instance.json
// npm run match -- --check --input instance.json --result result.json
// The matching engine on files (docs/matching-format.md); the app uses the same engine (features/matching/engine).
import { CliError, runMatchCli } from "./match-cli.ts";

try {
  // npm runs scripts in the project folder; file names are the user's, relative to where npm was started.
  for (const line of runMatchCli(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd())) console.log(line);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  console.error(`✖ ${error.message}`);
  process.exitCode = 1;
}
