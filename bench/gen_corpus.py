#!/usr/bin/env python3
"""Generate a synthetic news corpus for throughput benchmarks (deterministic).

Articles are assembled from sentence templates with names, places, outlets and
dates (absolute and relative), boilerplate lines, each outlet's site menus
(repeated lines the pipeline learns to drop) and datelines, so every stage of
chronicle has realistic work to do. They come in stories of 3 to 40
articles, each story with its own invented people, places and subject and a
publication week, as a news stream does. Output: JSON Lines (default) or a folder
of plain-text files in the samples' format.

usage: gen_corpus.py --mb 100 --out corpus.jsonl [--format jsonl|text] [--seed 1]
"""
import argparse, json, os, random

PEOPLE = ["Ana Kovač", "Marek Novak", "Li Wen", "Sofia Reyes", "Omar Haddad", "Elena Petrova",
          "James Whitfield", "Amara Okafor", "Hiroshi Tanaka", "Lucía Fernández", "Pierre Dubois",
          "Ingrid Larsen", "Rahul Mehta", "Fatima Zahra", "Viktor Orlov", "Grace Mensah"]
ROLES = ["Prime Minister", "President", "Foreign Minister", "Finance Minister", "Mayor",
         "chief executive", "spokeswoman", "spokesman", "Defence Minister", "central bank governor"]
PLACES = ["Lisbon", "Warsaw", "Nairobi", "Jakarta", "Lima", "Oslo", "Hanoi", "Accra", "Tbilisi",
          "Montevideo", "Riga", "Dakar", "Quito", "Manila", "Zagreb", "Tunis"]
ORGS = ["the European Union", "the United Nations", "NATO", "the World Bank", "the IMF",
        "the African Union", "ASEAN", "the central bank", "the electoral commission", "parliament"]
OUTLETS = ["Reuters", "AP", "AFP", "TASS", "Xinhua", "dpa", "EFE", "ANSA"]
TOPICS = ["a trade agreement", "flood relief", "a fuel price increase", "a new rail line",
          "an election timetable", "a border dispute", "a vaccine rollout", "a mining licence",
          "a budget deficit", "a port expansion", "drought measures", "a tax reform"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
RELATIVE = ["last week", "earlier this month", "later this year", "last year", "two years ago",
            "next month", "this week", "yesterday", "in the coming days", "last March",
            "in October last year"]
TEMPLATES = [
    "{role} {person} said on {weekday} that {topic} would be discussed in {place}.",
    "Talks on {topic} began in {place} on {month} {day}, according to {org}.",
    "{person}, the {role2}, told reporters {rel} that the government had no plans to delay {topic}.",
    "Officials from {org} are expected to visit {place} on {month} {day} and {day2}.",
    "The decision follows months of negotiations over {topic}, which stalled {rel}.",
    "\"We are ready to move forward,\" {person} said in a statement, adding that {org} supported the plan.",
    "Critics said {topic} would cost about {num} million dollars over {dur} years.",
    "Protests took place in {place} {rel}, with police estimating the crowd at {num} people.",
    "The meeting, scheduled from {month} {day} to {day2}, will also cover {topic}.",
    "In {month} {year}, {person} signed a similar accord with {org} in {place}.",
    "Analysts expect the vote to take place in the second quarter of {year}.",
    "Markets in {place} rose {pct} percent after the announcement on {weekday}.",
]
SITE = ["{outlet} newsletters", "Follow {outlet} on social media", "About {outlet} | Contact | Careers"]
BOILER = ["Leave a Reply", "Your email address will not be published. Required fields are marked *",
          "Share", "Translate »", "© Photo: {outlet}/{person}", "By {person}"]


SYLL = ["ka", "lo", "mi", "ra", "ten", "vo", "sel", "dor", "an", "bri", "cu", "fa", "gel",
        "hu", "jor", "ki", "lan", "mar", "nes", "or", "pa", "qui", "ros", "sa", "tu", "vel"]
NOUNS = ["pipeline", "harbour", "tariff", "reactor", "bridge", "strike", "ceasefire", "merger",
         "wildfire", "dam", "airport", "subsidy", "referendum", "lawsuit", "satellite", "railway"]


def word(r, n=2):
    return "".join(r.choice(SYLL) for _ in range(n)).capitalize()


class Story:
    """A synthetic story: its own people, places and subject, and a date."""

    def __init__(self, r):
        self.people = ["%s %s" % (word(r), word(r, 3)) for _ in range(3)] + r.sample(PEOPLE, 1)
        self.places = [word(r, 3) for _ in range(2)] + r.sample(PLACES, 1)
        self.topic = "the %s %s" % (word(r, 2), r.choice(NOUNS))
        self.year = r.randint(2015, 2024)
        self.month, self.day = r.randint(1, 12), r.randint(1, 20)
        self.size = r.randint(3, 40)


def sentence(r, st, year):
    t = r.choice(TEMPLATES)
    d = r.randint(1, 26)
    topic = st.topic if r.random() < 0.7 else r.choice(TOPICS)
    return t.format(role=r.choice(ROLES), role2=r.choice(ROLES).lower(), person=r.choice(st.people),
                    weekday=r.choice(WEEKDAYS), topic=topic, place=r.choice(st.places),
                    month=r.choice(MONTHS), day=d, day2=d + r.randint(1, 3), org=r.choice(ORGS),
                    rel=r.choice(RELATIVE), num=r.randint(2, 900), dur=r.randint(2, 10),
                    year=year - r.randint(0, 3), pct=round(r.uniform(0.1, 4.0), 1))


def article(r, i, st):
    year, month = st.year, st.month
    day = min(28, st.day + r.randint(0, 7))
    date = "%04d-%02d-%02d" % (year, month, day)
    outlet = r.choice(OUTLETS)
    place = r.choice(st.places).upper()
    paras = []
    for _ in range(r.randint(4, 9)):
        paras.append(" ".join(sentence(r, st, year) for _ in range(r.randint(1, 4))))
    paras[0] = "%s, %s %d (%s) - %s" % (place, MONTHS[month - 1], day, outlet, paras[0])
    for _ in range(r.randint(0, 3)):
        paras.append(r.choice(BOILER).format(outlet=outlet, person=r.choice(PEOPLE)))
    if (i * 2654435761) % 10 < 6:  # the outlet site's own menus (no draw from r)
        paras += [line.format(outlet=outlet) for line in SITE]
    title = "%s: %s" % (r.choice(st.places), st.topic.capitalize())
    return {"id": "gen-%d" % i, "url": "https://news.example/%d" % i, "title": title,
            "date": date, "text": "\n\n".join(paras), "outlet": outlet}


def articles(r):
    """Endless articles, story after story (3 to 40 articles each)."""
    i = 0
    while True:
        st = Story(r)
        for _ in range(st.size):
            yield article(r, i, st)
            i += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--out", required=True)
    ap.add_argument("--format", choices=["jsonl", "text"], default="jsonl")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    r = random.Random(a.seed)
    limit = int(a.mb * 1e6)
    size = n = 0
    gen = articles(r)
    if a.format == "jsonl":
        with open(a.out, "w", encoding="utf-8") as f:
            while size < limit:
                line = json.dumps(next(gen), ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode())
                n += 1
    else:
        os.makedirs(a.out, exist_ok=True)
        while size < limit:
            art = next(gen)
            body = " date %s %s\n" % (art["date"], art["text"])
            with open(os.path.join(a.out, "%07d.txt" % n), "w", encoding="utf-8") as f:
                f.write(body)
            size += len(body.encode())
            n += 1
    print("%d articles, %.1f MB -> %s" % (n, size / 1e6, a.out))


if __name__ == "__main__":
    main()
