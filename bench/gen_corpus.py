#!/usr/bin/env python3
"""Generate a synthetic news corpus for throughput benchmarks (deterministic).

Articles are assembled from sentence templates with names, places, outlets and
dates (absolute and relative), boilerplate lines and datelines, so every stage
of chronicle has realistic work to do. Output: JSON Lines (default) or a folder
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
BOILER = ["Leave a Reply", "Your email address will not be published. Required fields are marked *",
          "Share", "Translate »", "© Photo: {outlet}/{person}", "By {person}"]


def sentence(r, year):
    t = r.choice(TEMPLATES)
    d = r.randint(1, 26)
    return t.format(role=r.choice(ROLES), role2=r.choice(ROLES).lower(), person=r.choice(PEOPLE),
                    weekday=r.choice(WEEKDAYS), topic=r.choice(TOPICS), place=r.choice(PLACES),
                    month=r.choice(MONTHS), day=d, day2=d + r.randint(1, 3), org=r.choice(ORGS),
                    rel=r.choice(RELATIVE), num=r.randint(2, 900), dur=r.randint(2, 10),
                    year=year - r.randint(0, 3), pct=round(r.uniform(0.1, 4.0), 1))


def article(r, i):
    year = r.randint(2015, 2024)
    month, day = r.randint(1, 12), r.randint(1, 28)
    date = "%04d-%02d-%02d" % (year, month, day)
    outlet = r.choice(OUTLETS)
    place = r.choice(PLACES).upper()
    paras = []
    for _ in range(r.randint(4, 9)):
        paras.append(" ".join(sentence(r, year) for _ in range(r.randint(1, 4))))
    paras[0] = "%s, %s %d (%s) - %s" % (place, MONTHS[month - 1], day, outlet, paras[0])
    for _ in range(r.randint(0, 3)):
        paras.append(r.choice(BOILER).format(outlet=outlet, person=r.choice(PEOPLE)))
    title = "%s: %s" % (r.choice(PLACES), r.choice(TOPICS).capitalize())
    return {"id": "gen-%d" % i, "url": "https://news.example/%d" % i, "title": title,
            "date": date, "text": "\n\n".join(paras), "outlet": outlet}


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
    if a.format == "jsonl":
        with open(a.out, "w", encoding="utf-8") as f:
            while size < limit:
                line = json.dumps(article(r, n), ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode())
                n += 1
    else:
        os.makedirs(a.out, exist_ok=True)
        while size < limit:
            art = article(r, n)
            body = " date %s %s\n" % (art["date"], art["text"])
            with open(os.path.join(a.out, "%07d.txt" % n), "w", encoding="utf-8") as f:
                f.write(body)
            size += len(body.encode())
            n += 1
    print("%d articles, %.1f MB -> %s" % (n, size / 1e6, a.out))


if __name__ == "__main__":
    main()
