"""The constructed rewrite set: pairs of articles that rewrite one source, and pairs on one topic.

Written for this project (no outlet's text). Each case is two articles, one paragraph per
sentence. A ``rewrite`` case rewrites one release sentence by sentence the way outlets do:
clauses reordered, synonyms, titles expanded or shortened, names transliterated, the source named
in one of them; ``pairs`` lists the (sentence of a, sentence of b) that rewrite one another, the
other sentences are each outlet's own. A ``topic`` case shares a topic (the same ministry, the same
kind of event, the same names) but no sentence is written from the other: it must not match.

The set was written before the rewrite search was tuned. ``part`` splits it once and for all:
``dev`` cases may be read and scored while tuning; ``held`` cases are scored rarely, and every
scoring is recorded in BENCHMARKS.md.
"""

from __future__ import annotations

CASES = [
    {
        "name": "drills_hasanov",
        "part": "dev",
        "label": "rewrite",
        "a": [
            "Defence Minister Colonel General Zakir Hasanov met the commander of the Kuralian "
            "land forces, General Orhan Dalkiran, in Baku on Tuesday.",
            "Minister Hasanov noted that, on the instruction of the President, reforms aimed at "
            "bringing the army in line with the standards of the Kuralian armed forces continue.",
            "The sides discussed joint exercises planned for the autumn in the Nakhchivan region "
            "and the training of officers at Kuralian military academies.",
            "The weather in the capital stayed mild for most of the week.",
        ],
        "b": [
            "Col-Gen. Zakir Gasanov, the defence minister, received General Orkhan Dalkyran, who "
            "commands the land forces of Kuralia, in Baku on Tuesday, the Defence Ministry told "
            "the Caspian Wire.",
            "Gasanov stressed that reforms to bring the army up to the standards of the Kuralian "
            "armed forces are under way, as the President instructed.",
            "Officer training at military academies in Kuralia and joint exercises planned in "
            "the Nakhichevan region for the autumn were discussed.",
            "Traffic on the coastal road was slow because of repairs.",
        ],
        "pairs": [(0, 0), (1, 1), (2, 2)],
    },
    {
        "name": "grain_harvest",
        "part": "held",
        "label": "rewrite",
        "a": [
            "The Agriculture Ministry said farmers in the northern provinces had gathered 4.2 "
            "million tonnes of wheat by the end of August, a fifth more than a year earlier.",
            "Deputy Minister Lale Quliyeva said dry weather in June had cut yields in the south, "
            "but irrigation projects finished last spring had saved most of the crop.",
            "The ministry expects exports of grain to neighbouring countries to rise in the "
            "second half of the year.",
        ],
        "b": [
            "By the end of August, farmers in the northern provinces harvested 4.2 million "
            "tonnes of wheat, a fifth more than last year, according to the Ministry of "
            "Agriculture.",
            "Most of the crop was saved by irrigation schemes completed last spring, although a "
            "dry June reduced yields in the south, Deputy Minister Lala Guliyeva said.",
            "Local bakers complained about the price of flour at a meeting on Monday.",
            "Grain exports to neighbouring states are expected by the ministry to grow in the "
            "second half of the year.",
        ],
        "pairs": [(0, 0), (1, 1), (2, 3)],
    },
    {
        "name": "port_tender",
        "part": "dev",
        "label": "rewrite",
        "a": [
            "The Transport Ministry has announced a tender for the construction of a new "
            "container terminal at the port of Alyat, with bids due by the end of March.",
            "The terminal will handle up to 500,000 containers a year and is expected to open "
            "in 2026, the ministry said in a statement.",
            "Companies from at least six countries have asked for the tender documents.",
        ],
        "b": [
            "Bids for building a new container terminal at Alyat port are due by the end of "
            "March, under a tender the Ministry of Transport announced.",
            "Fishermen at the old harbour fear the works will close their moorings.",
            "According to a ministry statement, the terminal is to open in 2026 and will be "
            "able to handle as many as 500,000 containers annually.",
            "At least six countries' companies have requested the documents of the tender.",
        ],
        "pairs": [(0, 0), (1, 2), (2, 3)],
    },
    {
        "name": "vaccine_campaign",
        "part": "held",
        "label": "rewrite",
        "a": [
            "Health Minister Teymur Musayev said on Monday that 1.3 million children would be "
            "vaccinated against measles in a campaign starting next week.",
            "The vaccines were delivered by the Children's Fund and will be given free of charge "
            "in schools and district clinics, the minister said.",
            "Musayev urged parents not to believe rumours spread on social networks about the "
            "safety of the vaccine.",
        ],
        "b": [
            "A measles vaccination campaign for 1.3 million children will start next week, "
            "Minister of Health Teimur Musaev announced on Monday.",
            "Schools and district clinics will give the vaccines, supplied by the Children's "
            "Fund, for free, he said.",
            "Musaev called on parents to ignore social network rumours about whether the "
            "vaccine is safe.",
        ],
        "pairs": [(0, 0), (1, 1), (2, 2)],
    },
    {
        "name": "bank_rate",
        "part": "dev",
        "label": "rewrite",
        "a": [
            "The Central Bank raised its refinancing rate by half a percentage point to 8.75 "
            "percent on Friday, citing rising food prices.",
            "Governor Elman Rustamov told reporters that inflation had reached 6.9 percent in "
            "April and that the bank would act again if prices kept climbing.",
            "The next meeting of the board is scheduled for the end of July.",
        ],
        "b": [
            "Citing higher food prices, the Central Bank on Friday lifted the refinancing rate "
            "by 0.5 percentage points to 8.75 percent.",
            "Inflation hit 6.9 percent in April, and the bank will take further steps should "
            "prices continue to climb, Governor Elman Rustamov said at a news conference.",
            "The national currency was stable against the dollar.",
            "The board of the bank will next meet at the end of July.",
        ],
        "pairs": [(0, 0), (1, 1), (2, 3)],
    },
    {
        "name": "forest_fire",
        "part": "held",
        "label": "rewrite",
        "a": [
            "Firefighters put out a forest fire near the village of Khinalug on Sunday after "
            "working through the night, the Emergency Situations Ministry said.",
            "About 40 hectares of woodland burned, and no people or houses were harmed, the "
            "ministry's press service said.",
            "Two helicopters and more than 150 rescuers took part in the operation.",
        ],
        "b": [
            "More than 150 rescuers and a pair of helicopters were involved in the operation.",
            "The Ministry of Emergency Situations said firefighters extinguished a forest blaze "
            "close to Xinaliq village on Sunday after a night of work.",
            "Some 40 hectares of forest were burned, but nobody was hurt and no homes were "
            "damaged, according to the press service of the ministry.",
        ],
        "pairs": [(0, 1), (1, 2), (2, 0)],
    },
    {
        "name": "oil_output",
        "part": "dev",
        "label": "rewrite",
        "a": [
            "The state oil company produced 21.4 million tonnes of crude oil in the first half "
            "of the year, 3 percent less than in the same period last year.",
            "The company said the fall was due to the natural decline of its older offshore "
            "fields and to maintenance work on two platforms in May.",
            "Gas output rose by 8 percent to 17.2 billion cubic metres.",
        ],
        "b": [
            "Crude output by the state oil company fell 3 percent from a year earlier to 21.4 "
            "million tonnes in the first six months.",
            "Production of gas grew 8 percent to 17.2 billion cubic metres.",
            "The decrease was caused by the natural decline of older fields at sea and by "
            "repairs to two platforms in May, the company said.",
        ],
        "pairs": [(0, 0), (1, 2), (2, 1)],
    },
    {
        "name": "metro_line",
        "part": "held",
        "label": "rewrite",
        "a": [
            "Mayor Eldar Azizov opened three new stations of the metro's green line on "
            "Saturday, extending it by 6 kilometres to the northern suburbs.",
            "The new section will carry about 60,000 passengers a day and shorten the trip to "
            "the city centre to 25 minutes, the mayor said.",
            "Work on a fourth station is due to be finished next year.",
        ],
        "b": [
            "The green line of the metro was extended by 6 km into the northern suburbs on "
            "Saturday when Mayor Eldar Azizov opened three new stations.",
            "Some residents said the ticket price was too high.",
            "The section is expected to carry roughly 60,000 passengers daily and cut the "
            "journey to the centre of the city to 25 minutes, Azizov said.",
            "A fourth station should be completed next year.",
        ],
        "pairs": [(0, 0), (1, 2), (2, 3)],
    },
    {
        "name": "border_talks",
        "part": "dev",
        "label": "rewrite",
        "a": [
            "Foreign Minister Ceyhun Bayramov and his Kuralian counterpart Mehmet Yilmazer "
            "agreed in Ankara on Wednesday to set up a joint commission on border crossings.",
            "The commission will meet every three months and report to both governments on "
            "the opening of new crossing points, Bayramov told a news conference.",
            "The ministers also signed an agreement on visa-free travel for students.",
        ],
        "b": [
            "A joint commission on border crossings will be created, Foreign Minister Jeyhun "
            "Bayramov and the Kuralian Foreign Minister, Mehmet Yilmazer, agreed on Wednesday "
            "in Ankara, the Foreign Ministry told reporters.",
            "Meeting once every three months, the commission will report to the two "
            "governments on opening new crossing points, Bayramov said.",
            "Students will be able to travel without visas under an agreement the two "
            "ministers signed.",
        ],
        "pairs": [(0, 0), (1, 1), (2, 2)],
    },
    {
        "name": "earthquake",
        "part": "held",
        "label": "rewrite",
        "a": [
            "An earthquake of magnitude 4.8 shook the Shamakhi district early on Thursday, the "
            "Republican Seismological Service Centre said.",
            "The epicentre was 12 kilometres south of the town at a depth of 10 kilometres, and "
            "the tremor was felt in the capital.",
            "No damage or casualties were reported.",
        ],
        "b": [
            "A 4.8-magnitude quake struck the district of Shemakha in the early hours of "
            "Thursday, according to the Republican Seismological Service Centre.",
            "There were no reports of damage or casualties.",
            "The tremor, whose epicentre lay 12 km south of the town at a depth of 10 km, was "
            "also felt in the capital.",
        ],
        "pairs": [(0, 0), (1, 2), (2, 1)],
    },
    {
        "name": "tourism",
        "part": "dev",
        "label": "rewrite",
        "a": [
            "The number of foreign tourists visiting the country rose by 34 percent in the first "
            "quarter to 410,000, the State Tourism Agency said on Tuesday.",
            "Most visitors came from neighbouring countries and the Gulf states, and the "
            "average stay grew to five nights, agency head Fuad Naghiyev said.",
            "The agency plans to open tourist information centres at three airports.",
        ],
        "b": [
            "Foreign tourist arrivals climbed 34 percent to 410,000 in the first three months "
            "of the year, according to the State Tourism Agency.",
            "Fuad Nagiyev, who heads the agency, said the average length of stay increased to "
            "five nights, with most visitors arriving from the Gulf states and neighbouring "
            "countries.",
            "Hotels in the mountains reported a shortage of staff.",
        ],
        "pairs": [(0, 0), (1, 1)],
    },
    {
        "name": "court_ruling",
        "part": "held",
        "label": "rewrite",
        "a": [
            "The Constitutional Court on Monday upheld a law that raises the retirement age for "
            "women from 60 to 63 over the next six years.",
            "Judge Farhad Abdullayev said the law did not violate the principle of equality "
            "because it treats men and women in the same way by 2030.",
            "Two trade unions had challenged the law last year.",
        ],
        "b": [
            "A law raising women's retirement age from 60 to 63 over six years was upheld by "
            "the Constitutional Court on Monday.",
            "The law was contested by two trade unions last year.",
            "Because men and women will be treated the same way by 2030, the law does not "
            "breach the principle of equality, Judge Farhad Abdullaev ruled.",
        ],
        "pairs": [(0, 0), (1, 2), (2, 1)],
    },
    {
        "name": "topic_two_defence_meetings",
        "part": "dev",
        "label": "topic",
        "a": [
            "Defence Minister Zakir Hasanov met a delegation of the Kuralian navy in Baku on "
            "Monday to discuss the security of shipping in the Caspian Sea.",
            "The minister said the navy's cooperation had grown in recent years and praised the "
            "Kuralian officers for their work in joint patrols.",
            "The delegation will visit the naval academy on Wednesday.",
        ],
        "b": [
            "Defence Minister Zakir Hasanov visited a military unit in the Nakhchivan region on "
            "Friday and inspected new artillery systems delivered this year.",
            "He told the soldiers that the army's combat readiness had to be kept high and "
            "handed awards to a group of officers.",
            "The minister also opened a new barracks for 300 soldiers.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_rate_decisions",
        "part": "held",
        "label": "topic",
        "a": [
            "The Central Bank kept its refinancing rate at 8.25 percent on Friday, saying "
            "inflation had slowed to 5.1 percent in January.",
            "Governor Elman Rustamov said the bank saw no need to change its policy before the "
            "summer.",
            "Analysts had expected the decision.",
        ],
        "b": [
            "The Central Bank cut its refinancing rate by a quarter of a point to 7.5 percent "
            "on Thursday after inflation fell for a fourth month.",
            "Governor Elman Rustamov warned that higher world grain prices could push inflation "
            "up again later in the year.",
            "Banks are expected to lower their lending rates in the coming weeks.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_fires",
        "part": "dev",
        "label": "topic",
        "a": [
            "A fire broke out in a warehouse in the Binagadi district on Wednesday evening, and "
            "firefighters needed four hours to put it out, the Emergency Situations Ministry "
            "said.",
            "The warehouse stored furniture and plastic goods; the cause of the fire is being "
            "investigated.",
            "Nobody was injured.",
        ],
        "b": [
            "Firefighters of the Emergency Situations Ministry battled a forest fire in the "
            "Gabala district for two days before it was brought under control on Saturday.",
            "Strong winds spread the flames across about 25 hectares of mountain forest, the "
            "ministry said.",
            "Residents of two villages were told to be ready to leave their homes.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_oil_reports",
        "part": "held",
        "label": "topic",
        "a": [
            "The state oil company said it had signed a contract with a European firm to build "
            "a new platform at its offshore field, worth 600 million dollars.",
            "Construction of the platform will begin next year and should take three years.",
            "The company expects the platform to add 40,000 barrels a day to its output.",
        ],
        "b": [
            "Crude oil exports through the western pipeline fell in March because of repairs at "
            "the pumping station near the border, the state oil company said.",
            "The company said the pipeline would return to full capacity in April.",
            "Oil prices on world markets rose slightly on the news.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_metro_stories",
        "part": "dev",
        "label": "topic",
        "a": [
            "Mayor Eldar Azizov said the city would buy 120 new metro cars over the next three "
            "years to replace trains built in the 1970s.",
            "The first new trains are due to arrive in the spring and will have air "
            "conditioning, the mayor said.",
            "The metro carries about 600,000 passengers a day.",
        ],
        "b": [
            "Trains on the metro's red line were stopped for an hour on Tuesday morning after a "
            "power failure at one of the stations, the metro said.",
            "Passengers were led out of two trains through the tunnels, and buses were sent to "
            "carry them to the city centre.",
            "Mayor Eldar Azizov ordered an inquiry into the failure.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_foreign_ministry",
        "part": "held",
        "label": "topic",
        "a": [
            "Foreign Minister Ceyhun Bayramov met the ambassador of Kuralia on Thursday to "
            "discuss preparations for the president's visit to Ankara next month.",
            "The sides discussed the agenda of the visit and the documents to be signed.",
            "The ambassador thanked the minister for the meeting.",
        ],
        "b": [
            "Foreign Minister Ceyhun Bayramov told a conference on regional security in Vienna "
            "that the countries of the region must open their borders to trade.",
            "He said new railways and roads would bring the economies of the region closer "
            "together.",
            "The conference will end on Friday with a joint declaration.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_harvest_reports",
        "part": "dev",
        "label": "topic",
        "a": [
            "The Agriculture Ministry said cotton farmers had picked 250,000 tonnes of cotton "
            "by the end of October, and the harvest would continue until December.",
            "The state will pay farmers a higher price per tonne than last year, the ministry "
            "said.",
            "Cotton is grown in 24 districts of the country.",
        ],
        "b": [
            "Hail damaged vineyards and orchards in three western districts on Sunday, the "
            "Agriculture Ministry said, and farmers will be compensated.",
            "Specialists of the ministry are assessing the damage in each village.",
            "The grape harvest had been expected to be a record this year.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_quakes",
        "part": "held",
        "label": "topic",
        "a": [
            "A magnitude 3.9 earthquake was recorded in the Caspian Sea 40 kilometres east of "
            "the capital on Monday night, the Republican Seismological Service Centre said.",
            "The quake was not felt on land.",
            "The centre recorded more than 50 weak quakes in the region last month.",
        ],
        "b": [
            "The Republican Seismological Service Centre will install 20 new seismic stations "
            "in the mountains of the north by the end of the year, its director said.",
            "The stations will send data to the centre in real time.",
            "The project is funded by the state budget and an international grant.",
        ],
        "pairs": [],
    },
]
