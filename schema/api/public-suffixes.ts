/**
 * Registry-controlled suffixes under which anyone may register a name (a small part of the
 * Public Suffix List: the Swedish second-level ones and the common hosting suffixes). A claim
 * of one of these would speak for every organisation below it, so it is refused outright; DNS
 * proof would refuse it too, this only says so before anyone tries.
 */
export const PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  ...'a ac b bd brand c d e f fh fhsk fhv g h i k komforb kommunalforbund komvux l lanbib m n naturbruksgymn o org p parti pp press r s t tm u w x y z'
    .split(' ')
    .map((l) => `${l}.se`),
  ...'co.uk org.uk ac.uk gov.uk ltd.uk plc.uk me.uk com.au net.au org.au gov.au co.nz co.jp com.br com.cn com.tr co.za co.in priv.no'.split(' '),
  ...'github.io gitlab.io pages.dev workers.dev herokuapp.com blogspot.com appspot.com netlify.app vercel.app azurewebsites.net cloudfront.net firebaseapp.com web.app'.split(' '),
])
