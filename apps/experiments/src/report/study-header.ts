/** The opening every study report shares: title, the claim it tests, the verdict, then "## Setup". */
export function studyHeader(title: string, claim: string, verdict: string, finding: string): string[] {
  return [`# ${title}`, "", `**Claim.** ${claim}`, "", `**Verdict: ${verdict}.** ${finding}`, "", "## Setup", ""];
}
