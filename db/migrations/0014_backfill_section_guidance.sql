-- Sections of statements made before templates were stored get the guidance of the default
-- template (the layout they were made from), so their empty sections show it as before.
UPDATE "sections" SET "guidance" = CASE "key"
  WHEN 'forslag-till-beslut' THEN 'Skriv nämndens beslut som numrerade att-satser, en för varje beslut.'
  WHEN 'sammanfattning' THEN 'Sammanfatta remissen och förvaltningens ställningstagande i några meningar, så att nämnden förstår ärendet utan att läsa vidare.'
  WHEN 'bilaga' THEN 'Lista bilagorna till tjänsteutlåtandet, till exempel remissen och dess underlag.'
  WHEN 'arendets-beredning' THEN 'Beskriv vilka enheter som har berett ärendet och vilka som har hörts, till exempel råd och samverkan.'
  WHEN 'bakgrund' THEN 'Beskriv vad remissen gäller, vem som har skickat den och vad den föreslår.'
  WHEN 'forvaltningens-yttrande' THEN 'Skriv förvaltningens bedömning av förslagen: vad förvaltningen tillstyrker, avstyrker eller vill ändra, och varför.'
  WHEN 'forslag-till-beslut-avslutande' THEN 'Upprepa förslaget till beslut som avslutning på tjänsteutlåtandet.'
END
WHERE "guidance" IS NULL
  AND "key" IN ('forslag-till-beslut', 'sammanfattning', 'bilaga', 'arendets-beredning', 'bakgrund', 'forvaltningens-yttrande', 'forslag-till-beslut-avslutande')
  AND "statement_id" IN (SELECT "id" FROM "statements" WHERE "template_id" IS NULL);
