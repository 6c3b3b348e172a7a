"""Build the GUM name-mention gold supplement (see README.md).

Annotations are listed per document in S as (surface string, type, occurrences), where occurrences is
'all' or a list of 1-based indices over the whole-token occurrences of the string in the document text.
An occurrence already covered by an exported entity span of the same type is skipped; an addition
nested inside a longer addition is dropped. Run: python3 build_supplement.py [--shared /work/shared]
"""
import json, os, sys

GOLD = os.path.join(sys.argv[sys.argv.index('--shared') + 1] if '--shared' in sys.argv else '/work/shared',
                    'corpus', 'gold')
NAME = {'person', 'organization', 'place'}
FILES = ['gum-news.jsonl', 'gum-interviews.jsonl']


def occ(text, s):
    out, i = [], 0
    while True:
        j = text.find(s, i)
        if j < 0:
            return out
        k = j + len(s)
        if (j == 0 or text[j - 1] == ' ') and (k == len(text) or text[k] == ' '):
            out.append((j, k))
        i = j + 1


def covered(doc, j, k, typ):
    return any(e['type'] == typ and e['start'] <= j and k <= e['end'] for e in doc['entities'])


S = {}
A = 'all'
S['GUM_news_afghan'] = [
 ('United States','place',A),
 ('U.S.','place',A),   # also the modifier in the org span 'U.S. officials' (GUM types U.S. modifiers as place)
 ('Donald Trump','person',A),
 ('Trump','person',A),
 ('Afghanistan','place',A),
 ('Alireza Mehraban','person',A),
 ('Herat','place',A), ('Kabul','place',A), ('Taliban','organization',A),
 ('State and Homeland Security Departments','organization',A),
 ('Sudan','place',A),('Iran','place',A),('Libya','place',A),('Yemen','place',A),('Morocco','place',A),
 ('Team Estonia','organization',A),
]
S['GUM_news_asylum'] = [
 ('Aceh','place',A),('Indonesia','place',A),('Fuad Basya','person',A),('Basya','person',A),
 ('AFP','organization',A),('Untied Nations','organization',A),('United States','organization',A),
 ('Muhammad Amin','person',A),('Thailand','place',A),('Jeff Rathke','person',A),('Rathke','person',A),
 ('State Department','organization',A),('South East Asia','place',A),
]
S['GUM_news_clock'] = [
 ('Texas','place',A),('Ahmed Mohamed','person',A),('Mohamed','person',A),('Ahmed','person',A),('Irving','place',[1]),
 ('Google','organization',A),('United Nations','organization',A),('New York','place',A),('US','place',A),
 ('NASA','organization',A),('Twitter','organization',A),('U.N.','organization',A),
 ('University of Texas Arlington','organization',A),('Amneh Jafari','person',A),('Jafari','person',A),
 ('Dallas','place',A),('Council on American - Islamic Relations','organization',A),('Alia Salem','person',A),
 ('United States','place',A),('University of Texas Arlington Muslim Student Association','organization',A),
 ('Memon','person',A),
]
S['GUM_news_crane'] = [
 ('Mecca','place',A),('Saudi Arabia','place',A),('Civil Defense Authority','organization',A),('Suleiman al - Amr','person',A),
]
S['GUM_news_defector'] = [
 ('Scientology','organization',A),('Sea Org','organization',A),('California','place',A),
 ('Daniel Montalvo','person',A),('Montalvo','person',A),('Daniel','person',A),('Marc Headley','person',A),
 ('Freedom Magazine','organization',A),('Freedom','organization',A),('Tom Devocht','person',A),('Devocht','person',A),
 ('Mark Rathbun','person',A),('Rathbun','person',A),('Los Angeles','place',A),('LA','place',A),
 ('Steve Whitmore','person',A),('Whitmore','person',A),('East Los Angeles','place',A),('East L.A.','place',A),
 ('Tiziano Lugli','person',A),
]
S['GUM_news_election'] = [
 ('Hong Kong','place',A),('Hong Kong Island','place',A),('Civic Passion','organization',A),('Civic Party','organization',A),
 ('Democratic Party','organization',A),('New People Party','organization',A),("New People 's Party",'organization',A),
 ('DAB','organization',A),('FTU','organization',A),('Labour Party','organization',A),('ADPL','organization',A),
 ('People Power','organization',A),('LSD','organization',A),('Youngspiration','organization',A),('BPA','organization',A),
 ('NWSC','organization',A),('Legislative Council','organization',A),('Taikoo','place',A),
]
S['GUM_news_expo'] = [
 ('Toronto','place',A),('Nick Moreau','person',A),('North America','place',A),('Stan Lee','person',A),('Mark Hamill','person',A),
 ('Margaret Atwood','person',A),('Johnnie Christmas','person',A),('Hamill','person',A),('Kevin Conroy','person',A),
 ('Ubisoft','organization',A),('Microsoft','organization',A),('Bruce Wayne','person',A),('Nightwing','person',A),
 ('Brazil','place',A),('US','place',A),('Immortals','organization',A),('501st Legion','organization',A),
 ('Make - A - Wish Foundation','organization',A),('Comic Corps of Canada','organization',A),('Ontario Ghostbusters','organization',A),
 ('Klingon Assault Group','organization',A),('Comic Corps','organization',A),('Katherinator','person',A),
 ('Jessica Anderson','person',A),('Lady Cassandra','person',A),('Peekaboo Cosplay','person',A),
]
S['GUM_news_flag'] = [
 ('New Zealand','place',A),('United Kingdom','place',A),('John Burrows','person',A),('Burrows','person',A),('Wellington','place',A),
]
S['GUM_news_hackers'] = [
 ('Church of Scientology','organization',A),('Scientology','organization',A),('Anon','organization',A),
 ('Insurgency Wiki','organization',A),('4chan','organization',A),('Tom Cruise','person',A),('Cruise','person',A),
 ('YouTube','organization',A),('Gawker.com','organization',A),('Matthew Ingram','person',A),('Globe and Mail','organization',A),
 ('Operation Clambake','organization',A),('Hitwise UK','organization',A),('Church','organization',A),
]
S['GUM_news_homeopathic'] = [
 ('Thomas Sam','person',A),('Manju Sam','person',A),('Gloria','person',A),('Social Science & Medicine','organization',A),
 ('Jambula','person',A),('Crown','organization',A),('Sams','person',A),('Thomas','person',A),('India','place',A),
 ('Tom Molomby','person',A),
]
S['GUM_news_ie9'] = [
 ('Microsoft','organization',A),('Mozilla','organization',A),('Secunia.com','organization',A),
]
S['GUM_news_imprisoned'] = [
 ('Valeska Paris','person',A),('Paris','person',A),('Albert Jaquier','person',A),
 ('Australian Broadcasting Corporation','organization',A),('Church','organization',A),
]
S['GUM_news_iodine'] = [
 ('Australia','place',A),('Medical Journal of Australia','organization',A),('Tasmania','place',A),
 ('Australian Centre for Control of Iodine Deficiency Disorders','organization',A),('United States','place',A),
 ('World Health Organisation','organization',A),('Lydia Buchtmann','person',A),('Bauchtman','person',A),('Mu Li','person',A),
 ('University of NSW','organization',A),
]
S['GUM_news_korea'] = [
 ('North','organization',[3]),('North','place',[5]),('South Korea','organization',[1]),('South Korea','place',[2]),
 ('DPRK','organization',A),('KPA','organization',A),("Korean People 's Army",'organization',A),('Yeoncheon','place',A),
]
S['GUM_news_lanterns'] = [
 ('Taiwan','place',A),('Malaysia Tourism','organization',A),
]
S['GUM_news_nasa'] = [
 ('NASA','organization',A),('Bill Ingalls','person',A),('Kennedy Space Center','place',A),('KSC','place',[1]),('KSC','organization',[2]),
 ('Cape Canaveral','place',A),('Florida','place',A),('Orbiter Processing Facility - 1','place',A),('U.S.','place',A),
 ('Johnson Space Center','place',A),('JSC','place',A),('Houston','place',A),('Texas','place',[2,5]),('Cornyn','person',A),
 ('State of Texas','place',A),('Museum of Flight','organization',[4]),('Museum of Flight','place',[5]),('Bonnie Dunbar','person',A),
 ('Adler Planetarium','place',A),('Chicago','place',A),('Illinois','place',A),('Yuri Gagarin','person',A),
]
S['GUM_news_questionnaire'] = [
 ('UK','place',A),('Brian Burnell','person',A),('Afghanistan','place',A),('Eritrea','place',A),('Libya','place',A),
 ('Syria','place',A),('Yemen','place',A),('Rishi Sunak','person',A),('Sky News','organization',A),('British Red Cross','organization',A),
 ('Home Office','organization',A),('Albania','place',[1]),('Albania','organization',[2]),('France','place',[1]),('France','organization',[2]),
 ('United Nations High Commissioner for Refugees','organization',A),('Channel','place',A),('Paris','place',A),
 ('Braverman','person',A),('Colin Yeo','person',A),('Joint Council for the Welfare of Immigrants','organization',A),
 ('Caitlin Boswell','person',A),('Boswell','person',A),('Refugee Council','organization',A),('Enver Solomon','person',A),
]
S['GUM_news_sensitive'] = [
 ('Environment Canada','organization',A),('Ottawa','place',A),('CBC','organization',A),('Castlefrank Road','place',A),
 ('Kanata','place',A),('Ontario','place',A),('Treasury Board','organization',A),('Julie Couillard','person',A),
 ('Hells Angels','organization',A),('Peter Zimonjic','person',A),
]
S['GUM_news_soccer'] = [
 ('FIFA','organization',A),('Harry Kane','person',A),('Sweden','organization',A),('Korea','organization',A),('Joel Aguilar','person',A),
 ('Hwang Hee-Chan','person',A),('Belgium','organization',A),('Panama','organization',A),('Dries Mertens','person',A),
 ('Michael Murillo','person',A),('Kevin De Bruyne','person',A),('Eden Hazard','person',A),('Jesse Lingard','person',A),
 ('Harry Maguire','person',A),('John Stones','person',A),('England','organization',A),('Tunisia','organization',A),
]
S['GUM_news_stampede'] = [
 ('Plains of Arafat','place',A),('Satan','person',A),('Al - Ghaza Hotel','place',A),('Masjid Al - Haram','place',A),('Grand Mosque','place',A),
]
S['GUM_news_taxes'] = [
 ('Catholic Church','organization',A),('Friedrichstrasse','person',A),('Italian Supreme Court of Cassation','organization',A),
 ('Municipality of Livorno','organization',A),('Movimento 5 Stelle','organization',A),('M5S','organization',A),
 ('Lombardy','place',A),('Supreme Court','organization',A),('Court','organization',[3]),('Santo Spirito','organization',A),
 ('Immacolata','organization',A),('Monti','person',A),('Toccafondi','person',A),
]
S['GUM_news_warming'] = [
 ('Massachusetts Institute of Technology','organization',A),('US','place',A),('University of Sheffield','organization',A),
 ('UK','place',A),('AS Heagle','person',A),('Croucher Foundation','organization',A),
]
S['GUM_news_worship'] = [
 ('Greek Ministry of Culture','organization',A),
]
S['GUM_news_warhol'] = [
 ('Warhol','person',[1,2,7,8,9,14,15,20,21,23,27,28,33,41]),('Andy Warhol','person',[3,4,5,7,8,11,13,14,15,16]),
 ('Dennis Hopper','person',A),('USI','organization',A),('Andy Warhol Foundation for the Visual Arts','organization',A),
 ('Andy Warhol Foundation','organization',A),('University of Southern Indiana','organization',A),('Miharris','person',A),
 ('Acphillips','person',A),('Wikinews','organization',A),('Evansville','place',A),('Indiana','place',[4]),
 ('Kristin Wilkins','person',A),('Kristen Wilkins','person',A),('Wilkins','person',A),('Jkthom','person',A),
 ('McCutchan Art Center','place',A),('Pace Galleries','place',A),('Kathryn Waters','person',A),('Waters','person',A),('Water','person',A),
 ('United States','place',A),('Snbehnke','person',A),('K.C. Maurer','person',A),('Mauer','person',A),
 ('Tang Teaching Museum and Art Gallery','place',A),('Skidmore College','organization',A),('Saratoga Springs','place',A),
 ('New York','place',A),('Edward Steichen','person',A),('Mary & Leigh Block Museum of Art','place',A),
 ('Northwestern University','organization',A),('Evanston','place',A),('Illinois','place',A),('Elaine Gustafon','person',A),
 ('Gustafon','person',A),('Duke University','organization',A),('Durham','place',A),('North Carolina','place',A),
 ('University of North Carolina at Chapel Hill','organization',A),('UNC Greensboro','organization',A),('Truman Capote','person',A),
 ('Carly Simon','person',A),('America','place',A),('Studio 54','organization',A),('Vitas Gerulaitis','person',A),
 ('Jack Nicklaus','person',A),('Halston','person',A),('Cynthia Thompson','person',A),('University of Arkansas','organization',A),
 ('Fayetteville','place',A),('Marilyn','person',[1,2]),('Hilary Braysmith','person',A),('Annie Oakley','person',A),
 ('Kiara Perkins','person',A),('Kevin Allton','person',A),('Allton','person',A),('Warhol Factory','place',A),
 ('Velvet Underground','organization',A),
]
S['GUM_interview_ants'] = [
 ('Nick Bos','person',A),('Bos','person',A),('Mathias Krumbholz','person',A),('Evolution','organization',A),
 ('Bolivia','place',A),('Danny Newman','person',A),('Centre for Social Evolution','organization',A),
 ('University of Copenhagen','organization',A),("Patrizia d'Ettorre",'person',A),('Finland','place',A),('Marco Bernardini','person',A),
]
S['GUM_interview_brotherhood'] = [
 ('International Brotherhood of Magicians','organization',A),('William Evans','person',A),('Jeff McBride','person',A),
 ('British Ring','organization',A),('Las Vegas','place',A),('Los Angeles','place',A),('Italy','place',A),('Mexico','place',A),
 ('Tennessee','place',A),('Eureka Springs','place',A),('David Gish','person',A),('Paul Budd','person',A),
]
S['GUM_interview_chomsky'] = [
 ('US','place',A),('Michael Dranove','person',A),('MIT','organization',A),('Cambridge','place',A),('Massachusetts','place',A),
 ('NATO','organization',A),('Gorbachev','person',A),('U.S','place',A),('Bush','person',A),('Germany','place',A),
 ('Soviet Union','place',A),('Russia','place',A),('Eastern Europe','place',A),('Poland','place',A),('Czechoslovakia','place',A),
 ('West','place',A),('Republic Windows and Doors Factory','place',A),
]
S['GUM_interview_cocktail'] = [
 ('New York','place',[1]),('New York City','place',A),('Dan Savage','person',A),('Pennsylvania','place',A),
 ('Rick Santorum','person',A),('Zach Weiner','person',A),('Pacific Standard','place',[1,2,3]),
 ('Pacific Standard','organization',[4]),('Jonathan M. Stan','person',A),('John - Christian G. Rauschenberg','person',A),
 ('Stan','person',A),('Troy Patterson','person',A),('Patterson','person',A),('America','place',A),('United States','place',A),
 ('Google','organization',A),('Brooklyn Paper','organization',A),('New York Times','organization',A),('Jezebel','organization',A),
 ('Metro.us','organization',A),('EDGE on the Net','organization',A),('Instinct Magazine','organization',A),
]
S['GUM_interview_cyclone'] = [
 ('David Titley','person',A),('R Saravanan','person',A),('Bay of Bengal','place',A),('India','place',A),
]
S['GUM_interview_daly'] = [
 ('Marymegan Daly','person',A),('Daly','person',A),('Frank Rack','person',A),('Frank','person',A),('Ross Sea','place',A),('Daily','person',A),
]
S['GUM_interview_dungeon'] = [
 ('Rebecca','person',A),('O.J. Simpson','person',A),
]
S['GUM_interview_gaming'] = [
 ('Mario J. Lucero','person',A),('Isabel Ruiz','person',A),('Heaven Sent Gaming','organization',A),('Isabel','person',A),
 ('Mario','person',A),('Jeff [ Drake ]','person',A),('Josh Kindig','person',A),('Jason','person',A),('Drew Cass','person',A),
 ('Devin Thurlow','person',A),
]
S['GUM_interview_herrick'] = [
 ('Jack Herrick','person',A),('wikiHow','organization',[1,15]),('ShakataGaNai','person',A),('Creative Commons','organization',A),
 ('Wikimedia Foundation','organization',A),('California','place',A),('Wikipedia','organization',[6]),('Wikinews','organization',A),
]
S['GUM_interview_hill'] = [
 ('Wikinews','organization',A),('Christopher Hill','person',A),('U.S.','place',A),('Republican Party','organization',A),
 ('United States Air Force','organization',A),('America','place',A),('Republican party','organization',A),('Politics1','organization',A),
 ('Barack Obama','person',A),('Eric Holder','person',A),('Hill','person',A),('Congress','organization',A),('Ivy League','organization',A),
]
S['GUM_interview_libertarian'] = [
 ('Wikinews','organization',A),('Robert Sarvis','person',A),('Libertarian Party','organization',A),('Virginia','place',A),
 ('William Saturn','person',A),('Newsmax','organization',A),('Zogby','organization',A),('Republican Party','organization',A),
 ('Democratic Party','organization',A),('Democratic National Committee','organization',A),('US','place',A),
 ('McDonnell','person',A),('Bob McDonnell','person',A),('Senate','organization',A),('Huebi','person',A),
]
S['GUM_interview_licen'] = [
 ('Simon Ličen','person',A),('Ličen','person',A),('US','place',A),('Sochi','place',A),('Russia','place',A),('United States','place',A),
 ('WTA','organization',A),('UNESCO Slovenian National Commission','organization',A),('Australia','place',A),('United Kingdom','place',A),
 ('Canada','place',A),('NBC','organization',A),('New York','place',A),('US West Coast','place',A),('U.S.','place',A),
]
S['GUM_interview_mcguire'] = [
 ('LibriVox','organization',A),('Hugh McGuire','person',A),('Joseph Conrad','person',A),('Lawrence Lessig','person',A),
 ('Wikipedia','organization',A),('Creative Commons','organization',A),("O'Reilly",'organization',A),('LV','organization',A),
]
S['GUM_interview_mckenzie'] = [
 ('Melbourne','place',A),('Preston','place',A),('Canada','place',A),('Netherlands','place',A),('FIFA','organization',A),
]
S['GUM_interview_messina'] = [
 ('Frank','person',A),('John','person',A),('Spoken Motion','organization',A),('New York','place',A),('Mets','organization',[2,3,4,5,6]),
 ('Mets Poet','person',A),('Poet','person',[2,5,6]),('George Whitman','person',A),('South','place',A),('Jersey City','place',A),
 ('Times','organization',A),('Shea','place',A),('Cardinals','organization',A),('Birdman','person',A),('Birdie','person',A),
]
S['GUM_interview_onion'] = [
 ('Onion','organization',A),('Wikinews','organization',A),('Britney Spears','person',A),('Britney','person',A),('Chet Clem','person',A),
 ('Sean Mills','person',A),('AM New York','organization',A),('People Magazine','organization',A),('Terry Gross','person',A),
 ('Second City','organization',A),('Ted Kennedy','person',A),('J - Lo','person',A),('US Weekly','organization',A),
 ('Time Magazine','organization',A),('Broadway','place',A),
]
S['GUM_interview_peres'] = [
 ('Israel','place',A),('Shimon Peres','person',A),('Hannibal','person',A),('Alps','place',A),
]
S['GUM_interview_shalev'] = [
 ('Wikinews','organization',A),('Aner Shalev','person',A),('Levico','place',A),('Achilles','person',A),('Eva','person',A),('Adam','person',A),
]
S['GUM_interview_stardust'] = [
 ('Andrew Westphal','person',A),('NASA','organization',A),('US','place',A),('Sun','place',A),('Galaxy','place',A),('JPL','organization',A),
 ('Cosmic Dust Lab','place',A),('Building 31','place',A),('Johnson Space Center','place',A),('ARES','organization',A),
 ('Markus Landgraf','person',A),('Einstein','person',A),
]


def build(doc):
    t = doc['text']
    adds = set()
    for s, typ, which in S.get(doc['doc'], []):
        assert typ in NAME, (doc['doc'], s)
        oc = occ(t, s)
        assert oc, (doc['doc'], s)
        for i in (range(1, len(oc) + 1) if which == A else which):
            j, k = oc[i - 1]
            if not covered(doc, j, k, typ):
                adds.add((j, k, typ))
    final = [a for a in sorted(adds)
             if not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in adds)]
    return [dict(doc=doc['doc'], start=j, end=k, text=t[j:k], type=typ) for j, k, typ in final]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for f in FILES:
        rows = []
        for line in open(os.path.join(GOLD, f), encoding='utf-8'):
            rows += build(json.loads(line))
        with open(os.path.join(here, f), 'w', encoding='utf-8') as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + '\n')
        counts = {}
        for r in rows:
            counts[r['type']] = counts.get(r['type'], 0) + 1
        print(f, len(rows), dict(sorted(counts.items())))


if __name__ == '__main__':
    main()
