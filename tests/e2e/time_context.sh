#!/usr/bin/env bash
# End-to-end: dates are tagged sentence by sentence, and an anaphor that
# needs the date of the sentence before ("Il giorno dopo", "Le lendemain",
# "Al día siguiente", "Ce jour-là") reads it; a time of day keeps the day its
# own sentence gives it (a live report's "10h29 :"), and an anaphor with no
# date before it stays untagged.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
# LANG REF TEXT EXPRESSION -> its value, or "none"
value() {
    printf '%s\n' "$3" | chr tag - --json --lang "$1" --ref "$2" |
        "$PY" -c 'import json,sys; e=sys.argv[1]; v=[t["value"] for t in json.load(sys.stdin)["timexes"] if t["text"]==e]; print(v[0] if v else "none")' "$4"
}
check_eq "it: Il giorno dopo, after a dated sentence" \
    "$(value it 2013-07-10 "Il 25 gennaio migliaia di persone sono scese in piazza al Cairo. Il giorno dopo, la polizia ha arrestato dieci persone." "Il giorno dopo")" 2013-01-26
check_eq "fr: Le lendemain, after a dated sentence" \
    "$(value fr 2011-08-22 "Le 3 juin, une attaque contre le palais a blessé le président. Le lendemain, il a quitté le pays." "Le lendemain")" 2011-06-04
check_eq "es: Al día siguiente, after a dated sentence" \
    "$(value es 2011-02-16 "El 10 de febrero Mubarak habló en la televisión. Al día siguiente, dimitió." "Al día siguiente")" 2011-02-11
check_eq "fr: Ce jour-là, after a dated sentence" \
    "$(value fr 2013-02-25 "Le 25 novembre 2011, une manifestation a réuni des milliers de personnes. Ce jour-là, cinq mille manifestants ont entendu le cheikh." "Ce jour")" 2011-11-25
check_eq "fr: a live report's clock time keeps its own day" \
    "$(value fr 2011-03-22 "Lundi, les rebelles ont attaqué Zentane. 10h29 : les forces loyales tentent de reprendre la ville." "10h29")" 2011-03-22T10:29
# a time of day in the sentence after a dated one keeps the reference day:
# taking the day before was wrong more often than right ("Ce midi",
# "Chaque matin à 8 heures", "las 2 de la madrugada" after "ayer por la noche")
check_eq "fr: a clock time after a dated sentence keeps the reference day" \
    "$(value fr 2011-03-20 "Les raids ont commencé hier après-midi. Ce midi, un avion français a ouvert le feu." "midi")" 2011-03-20T12:00
# ... but one after an anaphor that the sentence before resolves takes the
# anaphor's day
check_eq "it: in serata after L'indomani takes its day" \
    "$(value it 2011-08-25 "Il 20 agosto è cominciata la rivolta. L'indomani sono entrati in città e in serata erano in piazza." "serata")" 2011-08-21TEV
check_eq "es: por la noche after Al día siguiente takes its day" \
    "$(value es 2011-08-25 "El 20 de agosto empezó la revuelta. Al día siguiente entraron en la ciudad y por la noche estaban en la plaza." "noche")" 2011-08-21TNI
check_eq "fr: a live report's stamp before a no-break space keeps its own day" \
    "$(value fr 2011-03-22 "Le ministre a indiqué lundi attendre une clarification.
10h29 : les forces loyales tentent de reprendre la ville." "10h29")" 2011-03-22T10:29
check_eq "it: no date before, the anaphor stays untagged" \
    "$(value it 2013-07-10 "La polizia ha arrestato dieci persone. Il giorno dopo, il governo si è dimesso." "Il giorno dopo")" none
# English anaphors read the day before them too (they were the day after
# the reference date), a length with "later"/"earlier" after a day becomes
# the day it leads to, and a reading from the reference date gives way to
# the one the sentence before anchors
check_eq "en: The next day, after a dated sentence" \
    "$(value en 2011-02-10 "Crowds gathered in Tahrir Square on January 25. The next day, police fired tear gas." "The next day")" 2011-01-26
check_eq "en: no date before, the anaphor stays untagged" \
    "$(value en 2011-02-10 "Police fired tear gas at the crowd. The next day, the minister resigned." "The next day")" none
check_eq "en: Three days later, after a dated sentence" \
    "$(value en 2011-02-20 "Protests began on January 25, 2011. Three days later, the army was deployed." "Three days later")" 2011-01-28
check_eq "en: Two days after the vote stays a length" \
    "$(value en 2011-02-20 "The vote was held on January 25, 2011. Two days after the vote, he resigned." "Two days")" P2D
check_eq "en: Two years later, after a year" \
    "$(value en 2011-02-20 "The firm was founded in 2009. Two years later it was sold." "Two years later")" 2011
check_eq "es: Dos días después, after a dated sentence" \
    "$(value es 2011-06-10 "El 3 de mayo de 2011 el ejército rodeó el palacio. Dos días después, el presidente dimitió." "Dos días después")" 2011-05-05
check_eq "fr: Deux jours plus tard, after a dated sentence" \
    "$(value fr 2011-06-10 "Le 3 mai 2011, l'armée a encerclé le palais. Deux jours plus tard, le président a démissionné." "Deux jours plus tard")" 2011-05-05
check_eq "en: a year earlier in a comparison keeps the report's year" \
    "$(value en 1987-03-04 "Porsche sold 1,815 cars during February, down from 2,129 cars during February of 1986. Sales since the beginning of the year totaled 3,469, down from 3,862 a year earlier." "a year earlier")" 1986
check_eq "en: the previous week after a week named in the sentence before" \
    "$(value en 1987-03-05 "M-1 money supply rose 1.9 billion dlrs in the February 23 week, the Federal Reserve said. The previous week's level was revised." "The previous week")" 1987-W08
check_eq "en: a chain of anaphors counts on from each day" \
    "$(value en 2024-06-15 "Protests began on May 3. The next day, police fired tear gas. The following day, the army arrived." "The following day")" 2024-05-05
check_eq "en: an anaphor after a length counts from the day the length leads to" \
    "$(value en 2024-06-15 "Protests began on May 3. Two days later, police fired. The next day, the army arrived." "The next day")" 2024-05-06
check_eq "en: December 29 of that year, after a year named before" \
    "$(value en 2016-04-18 "Collor resigned in 1992. On December 29 of that year, the Senate convicted him." "December 29 of that year")" 1992-12-29
check_eq "es: 29 de diciembre de aquel año, after a year named before" \
    "$(value es 2016-04-18 "Collor dimitió en 1992. El 29 de diciembre de aquel año, el Senado lo condenó." "29 de diciembre de aquel año")" 1992-12-29
check_eq "pt: 29 de dezembro daquele ano, after a year named before" \
    "$(value pt 2016-04-18 "Collor renunciou em 1992. Em 29 de dezembro daquele ano, o Senado o condenou." "29 de dezembro daquele ano")" 1992-12-29
# a day and month with "of the same year" after them, in the sentence after
# a year written: that year; alone, "the same year" is no year of its own
check_eq "it: 23 novembre dello stesso anno, after a date with its year" \
    "$(value it 2017-12-05 "Il 3 giugno 2011 il presidente resta ferito. Il 23 novembre dello stesso anno firma l'accordo a Riad." "23 novembre dello stesso anno")" 2011-11-23
check_eq "es: 23 de noviembre del mismo año, after a date with its year" \
    "$(value es 2017-12-05 "El 3 de junio de 2011 el presidente resultó herido. El 23 de noviembre del mismo año firmó el acuerdo en Riad." "23 de noviembre del mismo año")" 2011-11-23
check_eq "fr: 23 novembre de la même année, after a date with its year" \
    "$(value fr 2017-12-05 "Le 3 juin 2011, le président est blessé. Le 23 novembre de la même année, il signe l'accord à Riyad." "23 novembre de la même année")" 2011-11-23
check_eq "en: November 23 of the same year, after a date with its year" \
    "$(value en 2017-12-05 "On June 3, 2011 the president was wounded. On November 23 of the same year he signed the deal in Riyadh." "November 23 of the same year")" 2011-11-23
check_eq "it: stesso anno right after a day alone is not the reference's year" \
    "$(value it 2017-12-05 "Il 23 novembre dello stesso anno firma l'accordo a Riad." "stesso anno")" none
# the text below a comment's stamp is written on the comment's day; a live
# page's "Mis à jour" stamp is no comment's
check_eq "it: Stasera below a comment posted two days later" \
    "$(value it 2013-07-01 "Egitto, la piazza chiede le dimissioni di Morsi.

Milioni di persone sono scese in piazza al Cairo contro il presidente. La protesta continua. Gli organizzatori parlano di 22 milioni di firme.

Vostro commento 3 luglio 2013 | 22:40 - giovanni56

Stasera è finita, Morsi non è più presidente." "Stasera")" 2013-07-03TEV
check_eq "fr: aujourd'hui below a live page's update stamp stays the page's day" \
    "$(value fr 2013-08-15 "Le direct de la journée en Égypte.

Les forces de l'ordre ont donné l'assaut. Le bilan s'alourdit. Les manifestants se dispersent.

Mis à jour 17/08/2013 à 21:12 | Le point sur la situation

Le Conseil de sécurité se réunit aujourd'hui à New York." "aujourd'hui")" 2013-08-15
check_eq "it: a news sentence about comments is no comment's stamp" \
    "$(value it 2013-07-01 "Il governo presenta la riforma. Il testo arriva in aula. I partiti discutono. Le opposizioni protestano.

I commenti sono attesi entro il 15 luglio 2013 alle 12.

Oggi il premier ha parlato in Parlamento." "Oggi")" 2013-07-01
check_eq "en: the next day after a range is the day after its end" \
    "$(value en 2024-06-15 "The talks ran from May 3 to May 5. The next day, the envoys left." "The next day")" 2024-05-06

check_eq "it: the year after a day the story's year moved moves with it" \
    "$(value it 2014-01-25 "Quel 25 gennaio 2011 i manifestanti erano poche migliaia. E l'11 febbraio il raìs lasciava. L'anno successivo vinsero i Fratelli." "L'anno successivo")" 2012
check_eq "fr: the day after a day the story's year moved moves with it" \
    "$(value fr 2011-04-29 "Le 29 mai 2008, le président fait savoir qu'il a décroché son téléphone. Le chef d'Etat est présent au sommet du 13 juillet et le lendemain, il assiste au défilé." "le lendemain")" 2008-07-14
check_eq "it: a year after a day the story left alone stays" \
    "$(value it 2014-01-25 "Il 3 luglio Morsi fu deposto. L'anno successivo al-Sisi vinse le elezioni." "L'anno successivo")" 2014

# through the pipeline into a story's timeline: "The next day" after a dated
# sentence is an entry of the day after it, with that expression as source
D="$TMP/nextday"
mkdir -p "$D"
printf ' date 2011-02-10\n\nCrowds filled Tahrir Square in Cairo on January 25 to demand the resignation of President Hosni Mubarak.\n\nThe next day, police in Cairo fired tear gas at the crowds in Tahrir Square.\n' > "$D/a.txt"
chr --db "$TMP/nd.db" --quiet ingest "$D" >/dev/null 2>&1
check_eq "en: the timeline has the next day's entry, sourced by its expression" \
    "$(chr --db "$TMP/nd.db" timeline 1 --json | "$PY" -c 'import json,sys; print(sorted((e["date"], s["expression"]) for e in json.load(sys.stdin) for s in e["sources"] if s["expression"]))')" \
    "[('2011-01-25', 'January 25'), ('2011-01-26', 'The next day')]"
