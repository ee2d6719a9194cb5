"""The constructed template set: pairs of articles whose passages share a frame with other figures,
and pairs that must not be reported as templates.

Written for this project (no outlet's text); companies, towns, teams and people are fictional. Each
case is two articles, each a list of paragraphs (joined by a blank line when the set is loaded). A
``template`` case is the way automated notices are written: earnings and dividend notices, weather
and traffic bulletins, market closes, score lines, election tallies, accident bulletins, auctions,
exchange-rate fixings, port and air-quality notices. Article b reuses one or more paragraphs of
article a word for word in the same order, with at least two figures changed (and at most one name
or the dates changed as well); ``pairs`` lists the (paragraph of a, paragraph of b) that share a
frame. Some frames are newswire tables written as one paragraph, one spans two consecutive
paragraphs, and some sit at another position in b than in a. The other paragraphs are each
article's own prose and share no frame. A ``topic`` case shares the kind of report, the vocabulary
and often the names, with figures, but each article is written in its own words and order: it must
not match. A ``verbatim`` case reprints a paragraph of a in b, figures included: a copy, not a
template, so ``pairs`` is empty.

The set was written before the template search was tuned, by a writer who had not read the
detector. ``part`` splits it once and for all, half of each label: ``dev`` cases may be read and
scored while tuning; ``held`` cases are scored rarely, and every scoring is recorded in
BENCHMARKS.md.
"""

from __future__ import annotations

CASES = [
    {
        "name": "earnings_shr_net",
        "part": "dev",
        "label": "template",
        "a": [
            "Kestrel Valve Corp said for the first quarter ended March 31: Shr 30 cts vs 25 cts. "
            "Net 1,234,000 dlrs vs 987,000 dlrs. Revs 99.3 mln dlrs vs 89.4 mln dlrs. Avg shrs "
            "4,112,000 vs 3,948,000.",
            "The company, which makes pressure valves for water utilities, said orders from town "
            "councils picked up in February after a slow winter and that its order book was the "
            "fullest since it listed.",
        ],
        "b": [
            "Kestrel Valve Corp said for the first quarter ended March 31: Shr 41 cts vs 30 cts. "
            "Net 1,690,000 dlrs vs 1,234,000 dlrs. Revs 112.7 mln dlrs vs 99.3 mln dlrs. Avg shrs "
            "4,120,000 vs 4,112,000.",
            "Chief executive Marta Ellingsen told analysts on a call that a new plant outside "
            "Dunmore would start production in the autumn and add about 120 jobs.",
        ],
        "pairs": [(0, 0)],
    },
    {
        "name": "dividend_name_changed",
        "part": "dev",
        "label": "template",
        "a": [
            "Brightwater Mills Inc said its board of directors declared a regular quarterly "
            "dividend of 18 cts per share, up from 15 cts paid in the previous quarter, payable "
            "on June 14 to shareholders of record on May 30.",
            "Brightwater, a flour miller based in Eastfold, has raised its payout four times in "
            "the last three years as bread prices climbed across the region.",
        ],
        "b": [
            "Harrowgate Mills Inc said its board of directors declared a regular quarterly "
            "dividend of 24 cts per share, up from 21 cts paid in the previous quarter, payable "
            "on June 14 to shareholders of record on May 30.",
            "Harrowgate shares rose slightly in early trading, and a spokesman said the company "
            "had no plans to sell its bakery unit despite recent press reports.",
        ],
        "pairs": [(0, 0)],
    },
    {
        "name": "weather_two_paragraphs",
        "part": "dev",
        "label": "template",
        "a": [
            "The Meteorological Office forecast for Saturday: cloudy with showers over the "
            "northern hills, highest temperatures 14 to 17 degrees, lowest at night 6 to 8 "
            "degrees, westerly winds of 20 to 35 km/h, gusting to 50 km/h on exposed coasts.",
            "Sea state moderate with waves of 1.5 to 2 metres in the western approaches. "
            "Visibility good at 10 km, falling to 3 km in showers. Sunrise at 6.42 and sunset at "
            "19.58, with high tide at Port Ellery at 11.15.",
            "Farmers in the valley were hoping for a dry spell before the hay harvest, after the "
            "wettest May recorded at the Callow station since 1987.",
        ],
        "b": [
            "The Meteorological Office forecast for Saturday: cloudy with showers over the "
            "northern hills, highest temperatures 9 to 12 degrees, lowest at night 2 to 4 "
            "degrees, westerly winds of 30 to 45 km/h, gusting to 70 km/h on exposed coasts.",
            "Sea state moderate with waves of 2.5 to 3 metres in the western approaches. "
            "Visibility good at 8 km, falling to 2 km in showers. Sunrise at 7.31 and sunset at "
            "17.04, with high tide at Port Ellery at 14.40.",
            "The office also warned drivers on the mountain passes that the first snow of the "
            "season could settle above 900 metres by Sunday evening.",
        ],
        "pairs": [(0, 0), (1, 1)],
    },
    {
        "name": "market_close_shifted",
        "part": "dev",
        "label": "template",
        "a": [
            "The Varden Stock Exchange's main index closed 1.4 pct higher at 3,412.6 points on "
            "Tuesday, on turnover of 212 mln crowns. Gainers outnumbered losers by 84 to 31, and "
            "12 shares were unchanged.",
            "Dealers said buying by pension funds ahead of the end of the quarter had lifted the "
            "banks, while shipping stocks were held back by weak freight rates.",
        ],
        "b": [
            "Trading was thin for most of the day as many dealers stayed away for the harvest "
            "festival, and the currency barely moved against the dollar.",
            "The Varden Stock Exchange's main index closed 0.6 pct higher at 3,433.1 points on "
            "Tuesday, on turnover of 187 mln crowns. Gainers outnumbered losers by 48 to 40, and "
            "19 shares were unchanged.",
        ],
        "pairs": [(0, 1)],
    },
    {
        "name": "football_score_line",
        "part": "dev",
        "label": "template",
        "a": [
            "Final score on Saturday at Harlow Park: Ashby Rovers 3, Tolland United 1. Goals: "
            "Penn 12, 67, Ruiz 80; Okafor 55. Attendance 8,400.",
            "Ashby manager Colm Reddan said his side had been second best for an hour and owed "
            "the points to a string of saves from their young goalkeeper.",
        ],
        "b": [
            "Final score on Saturday at Harlow Park: Ashby Rovers 2, Tolland United 2. Goals: "
            "Penn 30, Ruiz 88; Okafor 9, 71. Attendance 9,150.",
            "Tolland supporters staged a protest before kick-off over the club's plan to sell its "
            "training ground to a housing developer.",
        ],
        "pairs": [(0, 0)],
    },
    {
        "name": "election_tally",
        "part": "dev",
        "label": "template",
        "a": [
            "With 412 of 530 polling stations counted in the Marrow district, the Civic Union "
            "candidate had 18,245 votes, or 46.2 pct, against 15,907 votes, or 40.3 pct, for the "
            "Farmers' League candidate, the district electoral commission said. Turnout was 61.8 "
            "pct.",
            "Supporters of both parties gathered outside the town hall in Marrow as the first "
            "results came in, and police closed the square to traffic.",
        ],
        "b": [
            "With 498 of 530 polling stations counted in the Marrow district, the Civic Union "
            "candidate had 21,630 votes, or 45.1 pct, against 19,874 votes, or 41.4 pct, for the "
            "Farmers' League candidate, the district electoral commission said. Turnout was 62.5 "
            "pct.",
            "The Farmers' League said it would ask for a recount in three villages where, it "
            "claimed, ballot boxes had been left unsealed overnight.",
        ],
        "pairs": [(0, 0)],
    },
    {
        "name": "cattle_auction_long",
        "part": "dev",
        "label": "template",
        "a": [
            "Buyers from the coastal abattoirs were out in force this week after two plants "
            "reopened following repairs, and several farmers said it was the busiest sale of the "
            "year.",
            "At the weekly cattle auction in Dunmore on Thursday, 1,240 head were offered and "
            "1,105 sold. Steers fetched an average of 2.41 dlrs per kg liveweight, up 6 cts on "
            "the week, heifers 2.18 dlrs, up 3 cts, and cull cows 1.52 dlrs, down 4 cts. The top "
            "price of 2.95 dlrs was paid for a pen of 14 steers.",
        ],
        "b": [
            "Auctioneers expect numbers to fall over the coming weeks as upland breeders hold "
            "back their stock for the winter and wait for better grass in the spring.",
            "At the weekly cattle auction in Dunmore on Thursday, 980 head were offered and 902 "
            "sold. Steers fetched an average of 2.47 dlrs per kg liveweight, up 6 cts on the "
            "week, heifers 2.25 dlrs, up 7 cts, and cull cows 1.49 dlrs, down 3 cts. The top "
            "price of 3.05 dlrs was paid for a pen of 9 steers.",
        ],
        "pairs": [(1, 1)],
    },
    {
        "name": "earnings_loss_vs_profit",
        "part": "held",
        "label": "template",
        "a": [
            "Orrin Textile Group Ltd said for the year ended December 31: Shr loss 12 cts vs "
            "profit 8 cts. Net loss 1.2 mln dlrs vs profit 900,000 dlrs. Sales 48.6 mln dlrs vs "
            "52.3 mln dlrs. Note: current year net includes charge of 2.1 mln dlrs for plant "
            "closure.",
            "Orrin closed its spinning mill at Tarrow in September, cutting 230 jobs, and moved "
            "production to its larger site on the edge of Callow.",
        ],
        "b": [
            "Orrin Textile Group Ltd said for the year ended December 31: Shr loss 5 cts vs "
            "profit 14 cts. Net loss 480,000 dlrs vs profit 1.6 mln dlrs. Sales 44.9 mln dlrs vs "
            "48.6 mln dlrs. Note: current year net includes charge of 1.4 mln dlrs for plant "
            "closure.",
            "The group said a recovery in orders from furniture makers in the second half of the "
            "year had offset weaker demand for clothing fabrics.",
        ],
        "pairs": [(0, 0)],
    },
    {
        "name": "bus_crash_town_changed",
        "part": "held",
        "label": "template",
        "a": [
            "Police said 3 people were killed and 11 injured when a bus carrying 42 passengers "
            "left the road and overturned near Pellham on the coast highway at about 7 pm on "
            "Friday. Of the injured, 4 were in a serious condition at the district hospital.",
            "Residents of Pellham have long asked for a barrier on the bend, where the road drops "
            "steeply towards the cliffs, and the council had promised one last year.",
        ],
        "b": [
            "Police said 2 people were killed and 17 injured when a bus carrying 38 passengers "
            "left the road and overturned near Kelby on the coast highway at about 7 pm on "
            "Friday. Of the injured, 6 were in a serious condition at the district hospital.",
            "The bus company said its vehicle had passed an inspection in the spring and that the "
            "driver, who survived, had worked for it for more than a decade.",
        ],
        "pairs": [(0, 0)],
    },
    {
        "name": "bill_auction_shifted",
        "part": "held",
        "label": "template",
        "a": [
            "The finance ministry has been borrowing more in the short term this year to cover a "
            "gap left by weaker customs receipts, officials said last month.",
            "The Treasury sold 500 mln crowns of 91-day bills at its weekly auction at an average "
            "yield of 4.12 pct, down from 4.20 pct a week earlier. Bids totalled 1.34 bln crowns, "
            "and the highest accepted yield was 4.15 pct.",
        ],
        "b": [
            "The Treasury sold 650 mln crowns of 91-day bills at its weekly auction at an average "
            "yield of 3.98 pct, down from 4.12 pct a week earlier. Bids totalled 1.12 bln crowns, "
            "and the highest accepted yield was 4.02 pct.",
            "Bankers said demand for short paper was likely to stay strong until the central bank "
            "signalled whether it would cut its main rate in the spring.",
        ],
        "pairs": [(1, 0)],
    },
    {
        "name": "fx_fixing_dates",
        "part": "held",
        "label": "template",
        "a": [
            "The central bank fixed the crown at 7.4521 to the dollar on 14 March, against 7.4388 "
            "on 13 March, and at 8.1032 to the euro, against 8.0977. The crown was set at 5.216 "
            "per 100 yen and at 9.412 to the pound sterling.",
            "Importers have complained that the weaker crown is pushing up the cost of fuel and "
            "machinery, and the chamber of commerce has asked for a meeting with the governor.",
        ],
        "b": [
            "The central bank fixed the crown at 7.5163 to the dollar on 2 April, against 7.5110 "
            "on 1 April, and at 8.1745 to the euro, against 8.1690. The crown was set at 5.198 "
            "per 100 yen and at 9.487 to the pound sterling.",
            "The governor told the budget committee of parliament that the bank had not "
            "intervened in the market since January and saw no need to do so.",
        ],
        "pairs": [(0, 0)],
    },
    {
        "name": "port_arrival_dates",
        "part": "held",
        "label": "template",
        "a": [
            "Dock workers at Port Ellery returned to work on Monday after a two-day stoppage over "
            "night shift pay, clearing a backlog of ships in the outer roads.",
            "The bulk carrier Northern Gale arrived at Port Ellery on March 12 with 46,500 tonnes "
            "of coal and is due to sail on March 15 after discharging. At anchor, 9 vessels were "
            "waiting, with an average wait of 3 days.",
        ],
        "b": [
            "The harbour board approved plans on Tuesday to deepen the main channel, which would "
            "let larger ships use the port without waiting for high tide.",
            "The bulk carrier Northern Gale arrived at Port Ellery on April 3 with 52,300 tonnes "
            "of coal and is due to sail on April 7 after discharging. At anchor, 11 vessels were "
            "waiting, with an average wait of 5 days.",
        ],
        "pairs": [(1, 1)],
    },
    {
        "name": "air_quality_bulletin",
        "part": "held",
        "label": "template",
        "a": [
            "Air quality in Callow was rated moderate on Monday, with fine particles at 38 "
            "micrograms per cubic metre against a daily limit of 25 and ozone at 96 micrograms. "
            "The city index stood at 72 out of 100, and the worst reading, 54 micrograms, was "
            "taken at the Mill Road station.",
            "Doctors at the children's clinic said they had seen more cases of wheezing since the "
            "new bypass opened, although the council disputes any link.",
        ],
        "b": [
            "Air quality in Callow was rated moderate on Monday, with fine particles at 31 "
            "micrograms per cubic metre against a daily limit of 25 and ozone at 104 micrograms. "
            "The city index stood at 65 out of 100, and the worst reading, 47 micrograms, was "
            "taken at the Mill Road station.",
            "The council plans to ban lorries from the old town centre on weekdays from next "
            "spring and to plant a double row of trees along the ring road.",
        ],
        "pairs": [(0, 0)],
    },
    {
        "name": "traffic_report_third",
        "part": "held",
        "label": "template",
        "a": [
            "Traffic report at 8 am: the northern ring road is closed between junctions 4 and 6 "
            "after a collision, with queues of 5 km back to the Tarrow exit. Delays of about 25 "
            "minutes on the coast highway southbound, and 10 minutes on the Dunmore bridge.",
            "Road repairs on the old quay will continue through the summer, the highways "
            "department said, and buses will use a diversion along Chapel Street.",
        ],
        "b": [
            "Schools reopened after the holidays on Monday, and the number of cars on the roads "
            "into the city rose sharply compared with last week.",
            "The police asked drivers to leave more room on wet roads after a series of minor "
            "crashes on the hill down into Kelby.",
            "Traffic report at 8 am: the northern ring road is closed between junctions 2 and 3 "
            "after a collision, with queues of 8 km back to the Tarrow exit. Delays of about 40 "
            "minutes on the coast highway southbound, and 15 minutes on the Dunmore bridge.",
        ],
        "pairs": [(0, 2)],
    },
    {
        "name": "topic_two_earnings",
        "part": "dev",
        "label": "topic",
        "a": [
            "Lindqvist Paper said on Thursday that its third-quarter profit rose to 6.8 mln dlrs "
            "from 5.1 mln a year earlier, helped by higher prices for packaging board.",
            "Sales in the quarter climbed 11 pct to 74 mln dlrs, and the board kept its forecast "
            "for the full year unchanged.",
        ],
        "b": [
            "Higher costs for wood pulp pushed Corran Packaging into the red in the three months "
            "to September, with a net loss of 2.3 mln dlrs against earnings of 1.9 mln in the "
            "same period last year.",
            "Revenue slipped 4 pct to 58 mln dlrs, the company said, and its chief financial "
            "officer warned that margins would stay under pressure until the new year.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_forecasts",
        "part": "dev",
        "label": "topic",
        "a": [
            "Heavy rain is expected across the north on Sunday, with up to 40 mm falling in the "
            "hills, the Meteorological Office said, and temperatures will struggle to reach 12 "
            "degrees.",
            "Winds could gust at 60 km/h along the coast, and ferry crossings to the islands may "
            "be cancelled.",
        ],
        "b": [
            "After a cold start, with frost in sheltered valleys and readings as low as minus 3 "
            "degrees, Tuesday should turn bright and dry, forecasters in Callow said.",
            "Afternoon highs of 8 to 10 degrees are likely, with a light breeze from the east at "
            "about 15 km/h.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_market_days",
        "part": "dev",
        "label": "topic",
        "a": [
            "Shares in Varden fell for a third day on Friday as banks came under pressure, and "
            "the main index lost 2.1 pct to end the week at 3,302 points.",
            "Around 190 mln crowns' worth of shares changed hands, with foreign investors net "
            "sellers, brokers said.",
        ],
        "b": [
            "Dealers on the Varden bourse shrugged off a weak lead from abroad on Monday. The "
            "benchmark gained 0.9 pct, closing at 3,331.5, while volume reached 205 mln crowns.",
            "Shipping companies led the way after freight rates rose for the first time in 6 "
            "weeks.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_elections",
        "part": "dev",
        "label": "topic",
        "a": [
            "The Civic Union won the mayoral race in Marrow with 52.4 pct of the vote, final "
            "results showed on Monday, ending twelve years of Farmers' League control of the "
            "town.",
            "Just under 60 pct of voters took part, the highest turnout in a local election since "
            "1998.",
        ],
        "b": [
            "Counting in the Tarrow district council election finished late on Sunday. The "
            "Farmers' League kept 14 of the 25 seats, losing 2 to independents, and Civic Union "
            "councillors now number 7.",
            "Officials put turnout at 48.9 pct. A recount was ordered in one ward where the "
            "margin was 11 votes.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_dividends",
        "part": "held",
        "label": "topic",
        "a": [
            "Directors of Pellworth Yarns have cut the interim payout to 6 cts a share from 10 "
            "cts, blaming a slump in export orders, the company told the exchange on Wednesday.",
            "The reduced dividend will be paid on September 20, and the company said it hoped to "
            "restore the full amount once its new dyeing plant is running.",
        ],
        "b": [
            "Shareholders in Harrowgate Foods will receive a special dividend of 45 cts per share "
            "on top of the regular 21 cts, after the sale of its dairy business for 38 mln dlrs.",
            "Holders of record at the close of business on August 12 qualify for both payments, "
            "Harrowgate said in a filing.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_road_accidents",
        "part": "held",
        "label": "topic",
        "a": [
            "Two motorcyclists died on Saturday night in a collision with a delivery van on the "
            "Kelby road, police said. The van driver, 34, was arrested on suspicion of drink "
            "driving.",
            "So far this year 41 people have been killed on roads in the province, against 33 in "
            "the same period of last year.",
        ],
        "b": [
            "A lorry carrying gravel overturned at the Tarrow roundabout early on Tuesday, "
            "injuring 5 people in two cars that were waiting at the junction, the fire service "
            "said.",
            "Crews needed 3 hours to clear about 20 tonnes of gravel from the carriageway, which "
            "reopened shortly before noon.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_currency_reports",
        "part": "held",
        "label": "topic",
        "a": [
            "The crown weakened past 7.50 per dollar for the first time since the autumn on "
            "Thursday, as traders bet that the central bank would cut interest rates next month.",
            "Against the euro it was quoted at 8.14 late in the day, down 0.3 pct.",
        ],
        "b": [
            "Exporters welcomed a softer currency. One dollar now buys 7.47 crowns, compared with "
            "7.21 at the start of the year, the central bank's daily fixing showed on Monday.",
            "The bank's governor said in an interview that the exchange rate was a matter for the "
            "market and that reserves stood at 18.6 bln dlrs.",
        ],
        "pairs": [],
    },
    {
        "name": "topic_two_match_reports",
        "part": "held",
        "label": "topic",
        "a": [
            "A late header from Diego Ruiz gave Ashby Rovers a 2-1 win at Kelby Athletic on "
            "Saturday and lifted them to third in the northern league table.",
            "Kelby had led through a penalty from Sam Okoro after 38 minutes, but Rovers levelled "
            "10 minutes into the second half through Dan Penn.",
        ],
        "b": [
            "Tolland United remain bottom of the northern league after a goalless draw at home to "
            "Marrow Town, watched by 5,200 spectators on a wet Sunday afternoon.",
            "United have now gone 9 matches without a win, and the club's owners will meet the "
            "manager on Tuesday to discuss his future.",
        ],
        "pairs": [],
    },
    {
        "name": "verbatim_port_closure",
        "part": "dev",
        "label": "verbatim",
        "a": [
            "The harbour master at Port Ellery closed the port to all shipping at 16.00 on "
            "Thursday as winds reached 85 km/h, and 14 vessels were ordered to stay at their "
            "berths until further notice.",
            "The storm brought down power lines across the peninsula, leaving about 3,000 homes "
            "without electricity overnight, the grid operator said.",
        ],
        "b": [
            "Ferry passengers bound for the islands spent the night in the terminal building, "
            "where volunteers handed out blankets and hot soup.",
            "The harbour master at Port Ellery closed the port to all shipping at 16.00 on "
            "Thursday as winds reached 85 km/h, and 14 vessels were ordered to stay at their "
            "berths until further notice.",
        ],
        "pairs": [],
    },
    {
        "name": "verbatim_earnings_reprint",
        "part": "held",
        "label": "verbatim",
        "a": [
            "Marlow Instruments Inc said for the second quarter ended June 30: Shr 52 cts vs 47 "
            "cts. Net 3,410,000 dlrs vs 3,080,000 dlrs. Revs 41.2 mln dlrs vs 38.9 mln dlrs.",
            "The company, which makes weighing scales for shops and laboratories, said demand "
            "from pharmacies had been particularly strong in the spring.",
        ],
        "b": [
            "Marlow Instruments Inc said for the second quarter ended June 30: Shr 52 cts vs 47 "
            "cts. Net 3,410,000 dlrs vs 3,080,000 dlrs. Revs 41.2 mln dlrs vs 38.9 mln dlrs.",
            "Marlow shares ended the day 3 pct higher on the regional exchange, where they have "
            "gained about a quarter of their value since January.",
        ],
        "pairs": [],
    },
]
