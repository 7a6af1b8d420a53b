/* chronicle — stop words for story clustering (internal to cluster_text.c).
 * Owns: one space-separated list per language: the Snowball lists plus, for
 * English, the reporting verbs and calendar words that every news article
 * carries ("said", "Tuesday"). Lowercase, apostrophes as '. */
#include <stddef.h>
#include <string.h>

#include "cluster_text.h"

static const char en_stop[] =
    "a about above after again against all am an and any are aren't as at be because been "
    "before being below between both but by can can't cannot could couldn't did didn't do does "
    "doesn't doing don't down during each few for from further had hadn't has hasn't have "
    "haven't having he he'd he'll he's her here here's hers herself him himself his how how's "
    "i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my "
    "myself no nor not of off on once only or other ought our ours ourselves out over own same "
    "shan't she she'd she'll she's should shouldn't so some such than that that's the their "
    "theirs them themselves then there there's these they they'd they'll they're they've this "
    "those through to too under until up very was wasn't we we'd we'll we're we've were weren't "
    "what what's when when's where where's which while who who's whom why why's will with "
    "won't would wouldn't you you'd you'll you're you've your yours yourself yourselves "
    /* reporting, hedging and filler words of news prose */
    "said says say saying told tells also may might must shall just like yet still even much "
    "many well back get gets got make makes made take takes took go goes going went come comes "
    "came per via within without however although though among amid since upon onto whether "
    "another every others around across along already ever never now often perhaps quite "
    "rather really several since than thus toward towards us unless whose whatever whenever "
    "wherever mr mrs ms dr according added adding asked noted stated reported reportedly "
    "one two three four five six seven eight nine ten first second third "
    /* calendar words: dates are handled as dates, not as terms */
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
    "week weeks month months year years day days time times ago later earlier "
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec";

static const char fr_stop[] =
    "au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me "
    "même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te "
    "tes toi ton tu un une vos votre vous c d j l à m n s t y été étée étées étés étant étante "
    "étants étantes suis es est sommes êtes sont serai seras sera serons serez seront serais "
    "serait serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes "
    "furent sois soit soyons soyez soient fusse fusses fût fussions fussiez fussent ayant "
    "ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez "
    "auront aurais aurait aurions auriez auraient avais avait avions aviez avaient eut eûmes "
    "eûtes eurent aie aies ait ayons ayez aient eusse eusses eût eussions eussiez eussent "
    "cette cet celui celle ceux celles comme plus aussi selon après avant entre sans sous "
    "chez lors dont où alors donc ainsi tout tous toute toutes très déjà encore "
    "a dit déclaré an ans année années jour jours lundi mardi mercredi jeudi vendredi samedi "
    "dimanche";

static const char de_stop[] =
    "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer "
    "anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den "
    "des dem die das dass daß derselbe derselben denselben desselben demselben dieselbe "
    "dieselben dasselbe dazu dein deine deinem deinen deiner deines denn derer dessen dich dir "
    "du dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines "
    "einig einige einigem einigen einiger einiges einmal er ihn ihm es etwas euer eure eurem "
    "euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich "
    "mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins ist jede jedem jeden jeder "
    "jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines "
    "können könnte machen man manche manchem manchen mancher manches mein meine meinem meinen "
    "meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine "
    "seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher "
    "solches soll sollte sondern sonst über um und uns unsere unserem unseren unser unseres "
    "unter viel vom von vor während war waren warst was weg weil weiter welche welchem "
    "welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte "
    "würde würden zu zum zur zwar zwischen sagte sagt laut jahr jahre jahren tag tage "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag";

static const char es_stop[] =
    "de la que el en y a los del se las por un para con no una su al lo como más pero sus le "
    "ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien "
    "desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes "
    "algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual "
    "poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras "
    "vosotros vosotras os mío mía míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas "
    "nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras esos esas estoy "
    "estás está estamos estáis están esté estés estemos estéis estén estaré estará estaba "
    "estaban estuvo he has ha hemos habéis han haya había habían hubo ser soy eres es somos "
    "sois son sea sean será serán era eran fue fueron sido siendo tengo tiene tienen tenía "
    "tuvo dijo según año años día días lunes martes miércoles jueves viernes sábado domingo";

static const char it_stop[] =
    "ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl dalla "
    "dalle di del dello dei degli dell degl della delle in nel nello nei negli nell negl nella "
    "nelle su sul sullo sui sugli sull sugl sulla sulle per tra contro io tu lui lei noi voi "
    "loro mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre "
    "vostro vostra vostri vostre mi ti ci vi lo la li le gli ne il un uno una ma ed se perché "
    "anche come dov dove che chi cui non più quale quanto quanti quanta quante quello quelli "
    "quella quelle questo questi questa queste si tutto tutti a c e i l o ho hai ha abbiamo "
    "avete hanno abbia avevo aveva avevano ebbe sono sei è siamo siete sia era erano fu "
    "furono sarà essere stato stata stati state detto anno anni giorno giorni lunedì martedì "
    "mercoledì giovedì venerdì sabato domenica";

static const char pt_stop[] =
    "de a o que e do da em um para com não uma os no se na por mais as dos como mas ao ele "
    "das à seu sua ou quando muito nos já eu também só pelo pela até isso ela entre depois "
    "sem mesmo aos seus quem nas me esse eles você essa num nem suas meu às minha numa pelos "
    "elas qual nós lhe deles essas esses pelas este dele tu te vocês vos lhes meus minhas teu "
    "tua teus tuas nosso nossa nossos nossas dela delas esta estes estas aquele aquela "
    "aqueles aquelas isto aquilo estou está estamos estão estava estavam esteve foi foram "
    "ser sou é somos são era eram seja será tem têm tinha teve há havia disse segundo ano "
    "anos dia dias";

static const char nl_stop[] =
    "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar "
    "om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar "
    "haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden "
    "toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier "
    "wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand "
    "geweest andere zei jaar dag";

static const char ru_stop[] =
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только "
    "ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни "
    "быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где "
    "есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж "
    "тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы "
    "нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над "
    "больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою "
    "этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между "
    "сказал заявил также году года";

/* Romanian and Catalan: Snowball has stemmers but no lists; these are
 * their common function words and auxiliaries, plus news' reporting verbs. */
static const char ro_stop[] =
    "a acea aceasta această aceea acel acela acele acelea acest acesta aceste acestea acestei "
    "acestor acestui acolo acum ai aia aici al ale alt alta altă alte altceva altcineva am "
    "ar are as aş aș astfel asta aşa așa atât atâta atunci au avea aveau avem avut azi ca că "
    "care ce cea cei cel cele celor cât câte câţi câți către ceva cine cineva cu cum da dacă "
    "dar de deci decât deja deşi deși din dintre doar după ea ei el ele eram este eu fi fie "
    "fiecare fiind foarte fost fără iar ii îi îl îmi împotriva în înainte încât încă între "
    "la le li lor lui mai mult multe mulţi mulți ne nici nimic noi nostru nu o oricare pe "
    "pentru peste poate prin sa să sau se si şi și sub sunt tot toate toţi toți tu un una "
    "unei unele unor unui unul va vor voi vă zis spus declarat potrivit conform anul zi";

static const char ca_stop[] =
    "a al als amb ans aquell aquella aquelles aquells aquest aquesta aquestes aquests així "
    "aleshores algun alguna algunes alguns altra altre altres amb aquí cada com con contra "
    "d de del dels des desde després dins doncs durant e el ella elles ells em en entre era "
    "eren es és està estan estat esta fa fins ha han havia havien he hi i igual jo la les li "
    "lo los més meu meva molt molts ni no nosaltres o on per però perquè poc pot pel pels "
    "quan que què qui se segons seu seva seus seves ser si sense sobre són també tan tant "
    "te tenen tenia tot tota totes tots tu un una unes uns va van vosaltres ja ara dit "
    "anunciat afirmat any dia";

const char *chr_ct_stop_list(const char *lang)
{
    static const struct {
        const char *lang;
        const char *list;
    } lists[] = {
        {"en", en_stop}, {"fr", fr_stop}, {"de", de_stop}, {"es", es_stop}, {"it", it_stop},
        {"pt", pt_stop}, {"nl", nl_stop}, {"ru", ru_stop}, {"ro", ro_stop}, {"ca", ca_stop},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        if (lang && strcmp(lang, lists[i].lang) == 0)
            return lists[i].list;
    return NULL;
}
