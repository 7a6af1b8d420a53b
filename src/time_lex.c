/* chronicle — time: the lexicon of temporal words in nine languages.
 * Owns: the word table (months, weekdays, units, numbers, relative words,
 * keywords), case folding and the hash lookup built once on first use. */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time_int.h"

typedef struct lsrc {
    const char *w;
    unsigned char c;
    short v;
    unsigned short lang;
} lsrc;

#define EN TL_EN
#define FR TL_FR
#define DE TL_DE
#define IT TL_IT
#define ES TL_ES
#define RU TL_RU
#define PT TL_PT
#define RO TL_RO
#define CA TL_CA
#define ALL TL_ALL

static const lsrc SRC[] = {
    /* months */
    {"january", C_MONTH, 1, EN},
    {"february", C_MONTH, 2, EN},
    {"march", C_MONTH, 3, EN},
    {"april", C_MONTH, 4, EN | DE},
    {"may", C_MONTH, 5, EN},
    {"june", C_MONTH, 6, EN},
    {"july", C_MONTH, 7, EN},
    {"august", C_MONTH, 8, EN | DE},
    {"september", C_MONTH, 9, EN | DE},
    {"october", C_MONTH, 10, EN},
    {"november", C_MONTH, 11, EN | DE},
    {"december", C_MONTH, 12, EN},
    {"jan", C_MONABBR, 1, ALL},
    {"feb", C_MONABBR, 2, ALL},
    {"mar", C_MONABBR, 3, EN},
    {"apr", C_MONABBR, 4, ALL},
    {"jun", C_MONABBR, 6, ALL},
    {"jul", C_MONABBR, 7, ALL},
    {"aug", C_MONABBR, 8, ALL},
    {"sep", C_MONABBR, 9, ALL},
    {"sept", C_MONABBR, 9, EN},
    {"oct", C_MONABBR, 10, ALL},
    {"nov", C_MONABBR, 11, ALL},
    {"dec", C_MONABBR, 12, EN},
    {"janvier", C_MONTH, 1, FR},
    {"février", C_MONTH, 2, FR},
    {"fevrier", C_MONTH, 2, FR},
    {"mars", C_MONTH, 3, FR},
    {"avril", C_MONTH, 4, FR},
    {"mai", C_MONTH, 5, FR | DE},
    {"juin", C_MONTH, 6, FR},
    {"juillet", C_MONTH, 7, FR},
    {"août", C_MONTH, 8, FR},
    {"aout", C_MONTH, 8, FR},
    {"septembre", C_MONTH, 9, FR},
    {"octobre", C_MONTH, 10, FR},
    {"novembre", C_MONTH, 11, FR | IT},
    {"décembre", C_MONTH, 12, FR},
    {"decembre", C_MONTH, 12, FR},
    {"januar", C_MONTH, 1, DE},
    {"jänner", C_MONTH, 1, DE},
    {"februar", C_MONTH, 2, DE},
    {"märz", C_MONTH, 3, DE},
    {"maerz", C_MONTH, 3, DE},
    {"juni", C_MONTH, 6, DE},
    {"juli", C_MONTH, 7, DE},
    {"oktober", C_MONTH, 10, DE},
    {"dezember", C_MONTH, 12, DE},
    {"enero", C_MONTH, 1, ES},
    {"febrero", C_MONTH, 2, ES},
    {"marzo", C_MONTH, 3, ES | IT},
    {"abril", C_MONTH, 4, ES | PT},
    {"mayo", C_MONTH, 5, ES},
    {"junio", C_MONTH, 6, ES},
    {"julio", C_MONTH, 7, ES},
    {"agosto", C_MONTH, 8, ES | IT | PT},
    {"septiembre", C_MONTH, 9, ES},
    {"setiembre", C_MONTH, 9, ES},
    {"octubre", C_MONTH, 10, ES},
    {"noviembre", C_MONTH, 11, ES},
    {"diciembre", C_MONTH, 12, ES},
    {"gennaio", C_MONTH, 1, IT},
    {"febbraio", C_MONTH, 2, IT},
    {"aprile", C_MONTH, 4, IT},
    {"maggio", C_MONTH, 5, IT},
    {"giugno", C_MONTH, 6, IT},
    {"luglio", C_MONTH, 7, IT},
    {"settembre", C_MONTH, 9, IT},
    {"ottobre", C_MONTH, 10, IT},
    {"dicembre", C_MONTH, 12, IT},
    {"janeiro", C_MONTH, 1, PT},
    {"fevereiro", C_MONTH, 2, PT},
    {"março", C_MONTH, 3, PT},
    {"maio", C_MONTH, 5, PT},
    {"junho", C_MONTH, 6, PT},
    {"julho", C_MONTH, 7, PT},
    {"setembro", C_MONTH, 9, PT},
    {"outubro", C_MONTH, 10, PT},
    {"novembro", C_MONTH, 11, PT},
    {"dezembro", C_MONTH, 12, PT},
    {"январь", C_MONTH, 1, RU},
    {"января", C_MONTH, 1, RU},
    {"январе", C_MONTH, 1, RU},
    {"февраль", C_MONTH, 2, RU},
    {"февраля", C_MONTH, 2, RU},
    {"феврале", C_MONTH, 2, RU},
    {"март", C_MONTH, 3, RU},
    {"марта", C_MONTH, 3, RU},
    {"марте", C_MONTH, 3, RU},
    {"апрель", C_MONTH, 4, RU},
    {"апреля", C_MONTH, 4, RU},
    {"апреле", C_MONTH, 4, RU},
    {"май", C_MONTH, 5, RU},
    {"мая", C_MONTH, 5, RU},
    {"мае", C_MONTH, 5, RU},
    {"июнь", C_MONTH, 6, RU},
    {"июня", C_MONTH, 6, RU},
    {"июне", C_MONTH, 6, RU},
    {"июль", C_MONTH, 7, RU},
    {"июля", C_MONTH, 7, RU},
    {"июле", C_MONTH, 7, RU},
    {"август", C_MONTH, 8, RU},
    {"августа", C_MONTH, 8, RU},
    {"августе", C_MONTH, 8, RU},
    {"сентябрь", C_MONTH, 9, RU},
    {"сентября", C_MONTH, 9, RU},
    {"сентябре", C_MONTH, 9, RU},
    {"октябрь", C_MONTH, 10, RU},
    {"октября", C_MONTH, 10, RU},
    {"октябре", C_MONTH, 10, RU},
    {"ноябрь", C_MONTH, 11, RU},
    {"ноября", C_MONTH, 11, RU},
    {"ноябре", C_MONTH, 11, RU},
    {"декабрь", C_MONTH, 12, RU},
    {"декабря", C_MONTH, 12, RU},
    {"декабре", C_MONTH, 12, RU},
    /* weekdays */
    {"monday", C_WDAY, 1, EN},
    {"tuesday", C_WDAY, 2, EN},
    {"wednesday", C_WDAY, 3, EN},
    {"thursday", C_WDAY, 4, EN},
    {"friday", C_WDAY, 5, EN},
    {"saturday", C_WDAY, 6, EN},
    {"sunday", C_WDAY, 7, EN},
    {"mon", C_WDABBR, 1, EN},
    {"tue", C_WDABBR, 2, EN},
    {"tues", C_WDABBR, 2, EN},
    {"wed", C_WDABBR, 3, EN},
    {"thu", C_WDABBR, 4, EN},
    {"thur", C_WDABBR, 4, EN},
    {"thurs", C_WDABBR, 4, EN},
    {"fri", C_WDABBR, 5, EN},
    {"sat", C_WDABBR, 6, EN},
    {"sun", C_WDABBR, 7, EN},
    {"lundi", C_WDAY, 1, FR},
    {"mardi", C_WDAY, 2, FR},
    {"mercredi", C_WDAY, 3, FR},
    {"jeudi", C_WDAY, 4, FR},
    {"vendredi", C_WDAY, 5, FR},
    {"samedi", C_WDAY, 6, FR},
    {"dimanche", C_WDAY, 7, FR},
    {"montag", C_WDAY, 1, DE},
    {"dienstag", C_WDAY, 2, DE},
    {"mittwoch", C_WDAY, 3, DE},
    {"donnerstag", C_WDAY, 4, DE},
    {"freitag", C_WDAY, 5, DE},
    {"samstag", C_WDAY, 6, DE},
    {"sonnabend", C_WDAY, 6, DE},
    {"sonntag", C_WDAY, 7, DE},
    {"lunes", C_WDAY, 1, ES},
    {"martes", C_WDAY, 2, ES},
    {"miércoles", C_WDAY, 3, ES},
    {"miercoles", C_WDAY, 3, ES},
    {"jueves", C_WDAY, 4, ES},
    {"viernes", C_WDAY, 5, ES},
    {"sábado", C_WDAY, 6, ES | PT},
    {"sabado", C_WDAY, 6, ES | PT},
    {"domingo", C_WDAY, 7, ES | PT},
    {"lunedì", C_WDAY, 1, IT},
    {"lunedi", C_WDAY, 1, IT},
    {"martedì", C_WDAY, 2, IT},
    {"martedi", C_WDAY, 2, IT},
    {"mercoledì", C_WDAY, 3, IT},
    {"mercoledi", C_WDAY, 3, IT},
    {"giovedì", C_WDAY, 4, IT},
    {"giovedi", C_WDAY, 4, IT},
    {"venerdì", C_WDAY, 5, IT},
    {"venerdi", C_WDAY, 5, IT},
    {"sabato", C_WDAY, 6, IT},
    {"domenica", C_WDAY, 7, IT},
    {"segunda", C_WDAY, 1, PT},
    {"terça", C_WDAY, 2, PT},
    {"quarta", C_WDAY, 3, PT},
    {"quinta", C_WDAY, 4, PT},
    {"sexta", C_WDAY, 5, PT},
    {"понедельник", C_WDAY, 1, RU},
    {"вторник", C_WDAY, 2, RU},
    {"среда", C_WDAY, 3, RU},
    {"среду", C_WDAY, 3, RU},
    {"четверг", C_WDAY, 4, RU},
    {"пятница", C_WDAY, 5, RU},
    {"пятницу", C_WDAY, 5, RU},
    {"суббота", C_WDAY, 6, RU},
    {"субботу", C_WDAY, 6, RU},
    {"воскресенье", C_WDAY, 7, RU},
    /* cardinal numbers */
    {"one", C_NUMW, 1, EN},
    {"two", C_NUMW, 2, EN},
    {"three", C_NUMW, 3, EN},
    {"four", C_NUMW, 4, EN},
    {"five", C_NUMW, 5, EN},
    {"six", C_NUMW, 6, EN},
    {"seven", C_NUMW, 7, EN},
    {"eight", C_NUMW, 8, EN},
    {"nine", C_NUMW, 9, EN},
    {"ten", C_NUMW, 10, EN},
    {"eleven", C_NUMW, 11, EN},
    {"twelve", C_NUMW, 12, EN},
    {"thirteen", C_NUMW, 13, EN},
    {"fourteen", C_NUMW, 14, EN},
    {"fifteen", C_NUMW, 15, EN},
    {"sixteen", C_NUMW, 16, EN},
    {"seventeen", C_NUMW, 17, EN},
    {"eighteen", C_NUMW, 18, EN},
    {"nineteen", C_NUMW, 19, EN},
    {"twenty", C_NUMW, 20, EN},
    {"thirty", C_NUMW, 30, EN},
    {"forty", C_NUMW, 40, EN},
    {"fifty", C_NUMW, 50, EN},
    {"sixty", C_NUMW, 60, EN},
    {"seventy", C_NUMW, 70, EN},
    {"eighty", C_NUMW, 80, EN},
    {"ninety", C_NUMW, 90, EN},
    {"hundred", C_NUMW, 100, EN},
    {"thousand", C_NUMW, 1000, EN},
    {"dozen", C_NUMW, 12, EN},
    {"un", C_NUMW, 1, FR | ES},
    {"une", C_NUMW, 1, FR},
    {"deux", C_NUMW, 2, FR},
    {"trois", C_NUMW, 3, FR},
    {"quatre", C_NUMW, 4, FR},
    {"cinq", C_NUMW, 5, FR},
    {"six", C_NUMW, 6, FR},
    {"sept", C_NUMW, 7, FR},
    {"huit", C_NUMW, 8, FR},
    {"neuf", C_NUMW, 9, FR},
    {"dix", C_NUMW, 10, FR},
    {"quinze", C_NUMW, 15, FR | PT},
    {"vingt", C_NUMW, 20, FR},
    {"trente", C_NUMW, 30, FR},
    {"uno", C_NUMW, 1, ES | IT},
    {"una", C_NUMW, 1, ES | IT},
    {"dos", C_NUMW, 2, ES},
    {"tres", C_NUMW, 3, ES},
    {"cuatro", C_NUMW, 4, ES},
    {"cinco", C_NUMW, 5, ES | PT},
    {"seis", C_NUMW, 6, ES | PT},
    {"siete", C_NUMW, 7, ES},
    {"ocho", C_NUMW, 8, ES},
    {"nueve", C_NUMW, 9, ES},
    {"diez", C_NUMW, 10, ES},
    {"quince", C_NUMW, 15, ES},
    {"veinte", C_NUMW, 20, ES},
    {"treinta", C_NUMW, 30, ES},
    {"due", C_NUMW, 2, IT},
    {"tre", C_NUMW, 3, IT},
    {"quattro", C_NUMW, 4, IT},
    {"cinque", C_NUMW, 5, IT},
    {"sei", C_NUMW, 6, IT},
    {"sette", C_NUMW, 7, IT},
    {"otto", C_NUMW, 8, IT},
    {"nove", C_NUMW, 9, IT},
    {"dieci", C_NUMW, 10, IT},
    {"venti", C_NUMW, 20, IT},
    {"trenta", C_NUMW, 30, IT},
    {"ein", C_NUMW, 1, DE},
    {"eine", C_NUMW, 1, DE},
    {"einem", C_NUMW, 1, DE},
    {"einer", C_NUMW, 1, DE},
    {"einen", C_NUMW, 1, DE},
    {"zwei", C_NUMW, 2, DE},
    {"drei", C_NUMW, 3, DE},
    {"vier", C_NUMW, 4, DE},
    {"fünf", C_NUMW, 5, DE},
    {"sechs", C_NUMW, 6, DE},
    {"sieben", C_NUMW, 7, DE},
    {"acht", C_NUMW, 8, DE},
    {"neun", C_NUMW, 9, DE},
    {"zehn", C_NUMW, 10, DE},
    {"zwanzig", C_NUMW, 20, DE},
    {"um", C_NUMW, 1, PT},
    {"uma", C_NUMW, 1, PT},
    {"dois", C_NUMW, 2, PT},
    {"duas", C_NUMW, 2, PT},
    {"três", C_NUMW, 3, PT},
    {"quatro", C_NUMW, 4, PT},
    {"sete", C_NUMW, 7, PT},
    {"oito", C_NUMW, 8, PT},
    {"nove", C_NUMW, 9, PT},
    {"dez", C_NUMW, 10, PT},
    {"один", C_NUMW, 1, RU},
    {"одна", C_NUMW, 1, RU},
    {"одну", C_NUMW, 1, RU},
    {"два", C_NUMW, 2, RU},
    {"две", C_NUMW, 2, RU},
    {"три", C_NUMW, 3, RU},
    {"четыре", C_NUMW, 4, RU},
    {"пять", C_NUMW, 5, RU},
    {"шесть", C_NUMW, 6, RU},
    {"семь", C_NUMW, 7, RU},
    {"восемь", C_NUMW, 8, RU},
    {"девять", C_NUMW, 9, RU},
    {"десять", C_NUMW, 10, RU},
    /* ordinal numbers */
    {"first", C_ORDW, 1, EN},
    {"second", C_ORDW, 2, EN | FR},
    {"third", C_ORDW, 3, EN},
    {"fourth", C_ORDW, 4, EN},
    {"fifth", C_ORDW, 5, EN},
    {"sixth", C_ORDW, 6, EN},
    {"seventh", C_ORDW, 7, EN},
    {"eighth", C_ORDW, 8, EN},
    {"ninth", C_ORDW, 9, EN},
    {"tenth", C_ORDW, 10, EN},
    {"eleventh", C_ORDW, 11, EN},
    {"twelfth", C_ORDW, 12, EN},
    {"thirteenth", C_ORDW, 13, EN},
    {"fourteenth", C_ORDW, 14, EN},
    {"fifteenth", C_ORDW, 15, EN},
    {"sixteenth", C_ORDW, 16, EN},
    {"seventeenth", C_ORDW, 17, EN},
    {"eighteenth", C_ORDW, 18, EN},
    {"nineteenth", C_ORDW, 19, EN},
    {"twentieth", C_ORDW, 20, EN},
    {"thirtieth", C_ORDW, 30, EN},
    {"twenty-first", C_ORDW, 21, EN},
    {"premier", C_ORDW, 1, FR},
    {"première", C_ORDW, 1, FR},
    {"primo", C_ORDW, 1, IT},
    {"primer", C_ORDW, 1, ES},
    {"primero", C_ORDW, 1, ES},
    {"primera", C_KW2, K_FIRSTF, ES},
    {"primeira", C_KW2, K_FIRSTF, PT},
    /* units */
    {"second", C_UNIT, U_SEC, EN},
    {"seconds", C_UNITPL, U_SEC, EN},
    {"minute", C_UNIT, U_MIN, EN | FR},
    {"minutes", C_UNITPL, U_MIN, EN | FR},
    {"hour", C_UNIT, U_HOUR, EN},
    {"hours", C_UNITPL, U_HOUR, EN},
    {"hrs", C_UNITPL, U_HOUR, EN},
    {"day", C_UNIT, U_DAY, EN},
    {"days", C_UNITPL, U_DAY, EN},
    {"week", C_UNIT, U_WEEK, EN},
    {"weeks", C_UNITPL, U_WEEK, EN},
    {"weekend", C_UNIT, U_WEEKEND, EN | FR | DE},
    {"weekends", C_UNITPL, U_WEEKEND, EN},
    {"fortnight", C_UNIT, U_FORTNIGHT, EN},
    {"month", C_UNIT, U_MONTH, EN},
    {"months", C_UNITPL, U_MONTH, EN},
    {"quarter", C_UNIT, U_QUARTER, EN},
    {"quarters", C_UNITPL, U_QUARTER, EN},
    {"year", C_UNIT, U_YEAR, EN},
    {"years", C_UNITPL, U_YEAR, EN},
    {"decade", C_UNIT, U_DECADE, EN},
    {"decades", C_UNITPL, U_DECADE, EN},
    {"century", C_UNIT, U_CENTURY, EN},
    {"centuries", C_UNITPL, U_CENTURY, EN},
    {"millennium", C_UNIT, U_MILLENNIUM, EN},
    {"jour", C_UNIT, U_DAY, FR},
    {"jours", C_UNITPL, U_DAY, FR},
    {"journée", C_UNIT, U_DAY, FR},
    {"semaine", C_UNIT, U_WEEK, FR},
    {"semaines", C_UNITPL, U_WEEK, FR},
    {"mois", C_UNIT, U_MONTH, FR},
    {"an", C_UNIT, U_YEAR, FR},
    {"ans", C_UNITPL, U_YEAR, FR},
    {"année", C_UNIT, U_YEAR, FR},
    {"années", C_UNITPL, U_YEAR, FR},
    {"heure", C_UNIT, U_HOUR, FR},
    {"heures", C_UNITPL, U_HOUR, FR},
    {"décennie", C_UNIT, U_DECADE, FR},
    {"décennies", C_UNITPL, U_DECADE, FR},
    {"siècle", C_UNIT, U_CENTURY, FR},
    {"trimestre", C_UNIT, U_QUARTER, FR | ES | IT | PT},
    {"día", C_UNIT, U_DAY, ES},
    {"dia", C_UNIT, U_DAY, ES | PT},
    {"días", C_UNITPL, U_DAY, ES},
    {"dias", C_UNITPL, U_DAY, ES | PT},
    {"semana", C_UNIT, U_WEEK, ES | PT},
    {"semanas", C_UNITPL, U_WEEK, ES | PT},
    {"mes", C_UNIT, U_MONTH, ES | PT},
    {"meses", C_UNITPL, U_MONTH, ES | PT},
    {"mês", C_UNIT, U_MONTH, PT},
    {"año", C_UNIT, U_YEAR, ES},
    {"años", C_UNITPL, U_YEAR, ES},
    {"ano", C_UNIT, U_YEAR, PT},
    {"anos", C_UNITPL, U_YEAR, PT},
    {"hora", C_UNIT, U_HOUR, ES | PT},
    {"horas", C_UNITPL, U_HOUR, ES | PT},
    {"década", C_UNIT, U_DECADE, ES | PT},
    {"décadas", C_UNITPL, U_DECADE, ES | PT},
    {"siglo", C_UNIT, U_CENTURY, ES},
    {"giorno", C_UNIT, U_DAY, IT},
    {"giorni", C_UNITPL, U_DAY, IT},
    {"settimana", C_UNIT, U_WEEK, IT},
    {"settimane", C_UNITPL, U_WEEK, IT},
    {"mese", C_UNIT, U_MONTH, IT},
    {"mesi", C_UNITPL, U_MONTH, IT},
    {"anno", C_UNIT, U_YEAR, IT},
    {"anni", C_UNITPL, U_YEAR, IT},
    {"ore", C_UNITPL, U_HOUR, IT},
    {"ora", C_UNIT, U_HOUR, IT}, /* "un'ora fa" (a count before it: pat_dur) */
    {"minuto", C_UNIT, U_MIN, IT},
    {"minuti", C_UNITPL, U_MIN, IT},
    {"secondi", C_UNITPL, U_SEC, IT},
    {"secoli", C_UNITPL, U_CENTURY, IT},
    {"millennio", C_UNIT, U_MILLENNIUM, IT},
    {"millenni", C_UNITPL, U_MILLENNIUM, IT},
    {"decennio", C_UNIT, U_DECADE, IT},
    {"decenni", C_UNITPL, U_DECADE, IT},
    {"secolo", C_UNIT, U_CENTURY, IT},
    {"tag", C_UNIT, U_DAY, DE},
    {"tage", C_UNITPL, U_DAY, DE},
    {"tagen", C_UNITPL, U_DAY, DE},
    {"woche", C_UNIT, U_WEEK, DE},
    {"wochen", C_UNITPL, U_WEEK, DE},
    {"monat", C_UNIT, U_MONTH, DE},
    {"monate", C_UNITPL, U_MONTH, DE},
    {"monaten", C_UNITPL, U_MONTH, DE},
    {"monats", C_UNIT, U_MONTH, DE},
    {"jahr", C_UNIT, U_YEAR, DE},
    {"jahre", C_UNITPL, U_YEAR, DE},
    {"jahren", C_UNITPL, U_YEAR, DE},
    {"jahres", C_UNIT, U_YEAR, DE},
    {"stunde", C_UNIT, U_HOUR, DE},
    {"stunden", C_UNITPL, U_HOUR, DE},
    {"jahrzehnt", C_UNIT, U_DECADE, DE},
    {"jahrzehnte", C_UNITPL, U_DECADE, DE},
    {"jahrhundert", C_UNIT, U_CENTURY, DE},
    {"quartal", C_UNIT, U_QUARTER, DE},
    {"день", C_UNIT, U_DAY, RU},
    {"дня", C_UNITPL, U_DAY, RU},
    {"дней", C_UNITPL, U_DAY, RU},
    {"неделя", C_UNIT, U_WEEK, RU},
    {"неделе", C_UNIT, U_WEEK, RU},
    {"неделю", C_UNIT, U_WEEK, RU},
    {"недели", C_UNITPL, U_WEEK, RU},
    {"недель", C_UNITPL, U_WEEK, RU},
    {"месяц", C_UNIT, U_MONTH, RU},
    {"месяце", C_UNIT, U_MONTH, RU},
    {"месяца", C_UNITPL, U_MONTH, RU},
    {"месяцев", C_UNITPL, U_MONTH, RU},
    {"год", C_UNIT, U_YEAR, RU},
    {"году", C_UNIT, U_YEAR, RU},
    {"лет", C_UNITPL, U_YEAR, RU},
    {"час", C_UNIT, U_HOUR, RU},
    {"часа", C_UNITPL, U_HOUR, RU},
    {"часов", C_UNITPL, U_HOUR, RU},
    {"век", C_UNIT, U_CENTURY, RU},
    {"века", C_UNIT, U_CENTURY, RU},
    /* seasons */
    {"spring", C_SEASON, S_SP, EN},
    {"summer", C_SEASON, S_SU, EN},
    {"fall", C_SEASON, S_FA, EN},
    {"autumn", C_SEASON, S_FA, EN},
    {"winter", C_SEASON, S_WI, EN | DE},
    {"printemps", C_SEASON, S_SP, FR},
    {"été", C_SEASON, S_SU, FR},
    {"automne", C_SEASON, S_FA, FR},
    {"hiver", C_SEASON, S_WI, FR},
    {"primavera", C_SEASON, S_SP, ES | IT | PT},
    {"verano", C_SEASON, S_SU, ES},
    {"otoño", C_SEASON, S_FA, ES},
    {"invierno", C_SEASON, S_WI, ES},
    {"estate", C_SEASON, S_SU, IT},
    {"autunno", C_SEASON, S_FA, IT},
    {"inverno", C_SEASON, S_WI, IT | PT},
    {"verão", C_SEASON, S_SU, PT},
    {"outono", C_SEASON, S_FA, PT},
    {"frühling", C_SEASON, S_SP, DE},
    {"sommer", C_SEASON, S_SU, DE},
    {"herbst", C_SEASON, S_FA, DE},
    {"весной", C_SEASON, S_SP, RU},
    {"летом", C_SEASON, S_SU, RU},
    {"осенью", C_SEASON, S_FA, RU},
    {"зимой", C_SEASON, S_WI, RU},
    /* parts of the day */
    {"morning", C_PART, P_MO, EN},
    {"mornings", C_PART, P_MO, EN},
    {"afternoon", C_PART, P_AF, EN},
    {"evening", C_PART, P_EV, EN},
    {"night", C_PART, P_NI, EN},
    {"nights", C_PART, P_NI, EN},
    {"noon", C_PART, P_NOON, EN},
    {"midday", C_PART, P_NOON, EN},
    {"midnight", C_PART, P_MIDNIGHT, EN},
    {"overnight", C_PART, P_OVERNIGHT, EN},
    {"matin", C_PART, P_MO, FR},
    {"matinée", C_PART, P_MO, FR},
    {"soir", C_PART, P_EV, FR},
    {"soirée", C_PART, P_EV, FR},
    {"nuit", C_PART, P_NI, FR},
    {"midi", C_PART, P_NOON, FR},
    {"minuit", C_PART, P_MIDNIGHT, FR},
    {"après-midi", C_PART, P_AF, FR},
    {"tarde", C_PART, P_AF, ES | PT},
    {"noche", C_PART, P_NI, ES},
    {"mediodía", C_PART, P_NOON, ES},
    {"medianoche", C_PART, P_MIDNIGHT, ES},
    {"mattina", C_PART, P_MO, IT},
    {"mattino", C_PART, P_MO, IT},
    {"pomeriggio", C_PART, P_AF, IT},
    {"sera", C_PART, P_EV, IT},
    {"serata", C_PART, P_EV, IT},
    {"notte", C_PART, P_NI, IT},
    {"mezzogiorno", C_PART, P_NOON, IT},
    {"manhã", C_PART, P_MO, PT},
    {"noite", C_PART, P_NI, PT},
    {"vormittag", C_PART, P_MO, DE},
    {"nachmittag", C_PART, P_AF, DE},
    {"abend", C_PART, P_EV, DE},
    {"nacht", C_PART, P_NI, DE},
    {"утром", C_PART, P_MO, RU},
    {"днем", C_PART, P_AF, RU},
    {"днём", C_PART, P_AF, RU},
    {"вечером", C_PART, P_EV, RU},
    {"ночью", C_PART, P_NI, RU},
    /* deictic words */
    {"today", C_DEICT, D_TODAY, EN},
    {"yesterday", C_DEICT, D_YESTERDAY, EN},
    {"tomorrow", C_DEICT, D_TOMORROW, EN},
    {"tonight", C_DEICT, D_TONIGHT, EN},
    {"now", C_DEICT, D_NOW, EN},
    {"currently", C_DEICT, D_NOW, EN},
    {"nowadays", C_DEICT, D_NOWADAYS, EN},
    {"recently", C_DEICT, D_RECENTLY, EN},
    {"lately", C_DEICT, D_RECENTLY, EN},
    {"soon", C_DEICT, D_SOON, EN},
    {"previously", C_DEICT, D_PREVIOUSLY, EN},
    {"formerly", C_DEICT, D_PREVIOUSLY, EN},
    {"current", C_DEICT, D_CURRENT, EN},
    {"recent", C_DEICT, D_RECENT, EN},
    {"future", C_DEICT, D_FUTURE, EN},
    {"past", C_DEICT, D_PAST, EN},
    {"aujourd", C_DEICT, D_TODAY, FR},
    {"hier", C_DEICT, D_YESTERDAY, FR},
    {"demain", C_DEICT, D_TOMORROW, FR},
    {"avant-hier", C_DEICT, D_DBY, FR},
    {"après-demain", C_DEICT, D_DAT, FR},
    {"maintenant", C_DEICT, D_NOW, FR},
    {"actuellement", C_DEICT, D_NOW, FR},
    {"récemment", C_DEICT, D_RECENTLY, FR},
    {"bientôt", C_DEICT, D_SOON, FR},
    {"avenir", C_DEICT, D_FUTURE, FR},
    {"hoy", C_DEICT, D_TODAY, ES},
    {"ayer", C_DEICT, D_YESTERDAY, ES},
    {"mañana", C_DEICT, D_TOMORROW_OR_MORNING, ES},
    {"anteayer", C_DEICT, D_DBY, ES},
    {"antier", C_DEICT, D_DBY, ES},
    {"anoche", C_DEICT, D_LASTNIGHT, ES},
    {"anteanoche", C_DEICT, D_NIGHT2, ES}, /* and Latin America's "antenoche" */
    {"antenoche", C_DEICT, D_NIGHT2, ES},
    {"ahora", C_DEICT, D_NOW, ES | PT},
    {"actualmente", C_DEICT, D_NOW, ES | PT},
    {"atualmente", C_DEICT, D_NOW, PT}, /* Brazilian spelling */
    {"recientemente", C_DEICT, D_RECENTLY, ES},
    {"futuro", C_DEICT, D_FUTURE, ES | IT | PT},
    {"oggi", C_DEICT, D_TODAY, IT},
    {"ieri", C_DEICT, D_YESTERDAY, IT},
    {"domani", C_DEICT, D_TOMORROW, IT},
    {"l'altro", C_DEICT, D_DBY, IT},
    {"dell'altro", C_DEICT, D_DBY, IT}, /* "i funerali dell'altro ieri" */
    {"nell'altro", C_DEICT, D_DBY, IT},
    {"dall'altro", C_DEICT, D_DBY, IT},
    {"all'altro", C_DEICT, D_DBY, IT},
    {"dopodomani", C_DEICT, D_DAT, IT},
    {"stanotte", C_DEICT, D_TONIGHT, IT},
    {"stasera", C_DEICT, D_THISEVENING, IT},
    {"adesso", C_DEICT, D_NOW, IT},
    {"attualmente", C_DEICT, D_NOW, IT},
    {"recentemente", C_DEICT, D_RECENTLY, IT | PT},
    {"hoje", C_DEICT, D_TODAY, PT},
    {"ontem", C_DEICT, D_YESTERDAY, PT},
    {"amanhã", C_DEICT, D_TOMORROW, PT},
    {"heute", C_DEICT, D_TODAY, DE},
    {"gestern", C_DEICT, D_YESTERDAY, DE},
    {"morgen", C_DEICT, D_TOMORROW_OR_MORNING, DE},
    {"vorgestern", C_DEICT, D_DBY, DE},
    {"übermorgen", C_DEICT, D_DAT, DE},
    {"jetzt", C_DEICT, D_NOW, DE},
    {"derzeit", C_DEICT, D_NOW, DE},
    {"zurzeit", C_DEICT, D_NOW, DE},
    {"kürzlich", C_DEICT, D_RECENTLY, DE},
    {"zukunft", C_DEICT, D_FUTURE, DE},
    {"сегодня", C_DEICT, D_TODAY, RU},
    {"вчера", C_DEICT, D_YESTERDAY, RU},
    {"завтра", C_DEICT, D_TOMORROW, RU},
    {"позавчера", C_DEICT, D_DBY, RU},
    {"послезавтра", C_DEICT, D_DAT, RU},
    {"сейчас", C_DEICT, D_NOW, RU},
    {"недавно", C_DEICT, D_RECENTLY, RU},
    {"будущем", C_DEICT, D_FUTURE, RU},
    /* relative words before the noun */
    {"last", C_REL, R_LAST, EN},
    {"next", C_REL, R_NEXT, EN},
    {"this", C_REL, R_THIS, EN},
    {"past", C_REL, R_PAST, EN},
    {"coming", C_REL, R_COMING, EN},
    {"upcoming", C_REL, R_COMING, EN},
    {"previous", C_REL, R_LAST, EN},
    {"prior", C_REL, R_LAST, EN},
    {"following", C_REL, R_NEXT, EN},
    {"current", C_REL, R_CURRENT, EN},
    {"present", C_REL, R_CURRENT, EN},
    {"recent", C_REL, R_RECENT, EN},
    {"latest", C_REL, R_LAST, EN},
    {"same", C_REL, R_SAME, EN},
    {"that", C_REL, R_THAT, EN},
    {"ce", C_REL, R_THIS, FR},
    {"cet", C_REL, R_THIS, FR},
    {"cette", C_REL, R_THIS, FR},
    {"prochain", C_REL, R_NEXT, FR},
    {"prochaine", C_REL, R_NEXT, FR},
    {"dernier", C_REL, R_LAST, FR},
    {"dernière", C_REL, R_LAST, FR},
    {"derniers", C_REL, R_PAST, FR},
    {"prochains", C_REL, R_COMING, FR}, /* "ces prochains mois", "les prochains jours" */
    {"prochaines", C_REL, R_COMING, FR},
    {"dernières", C_REL, R_PAST, FR},
    {"este", C_REL, R_THIS, ES | PT},
    {"esta", C_REL, R_THIS, ES | PT},
    {"pasado", C_REL, R_LAST, ES},
    {"pasada", C_REL, R_LAST, ES},
    {"próximo", C_REL, R_NEXT, ES | PT},
    {"próxima", C_REL, R_NEXT, ES | PT},
    {"passado", C_REL, R_LAST, PT}, /* European "na passada terça-feira" */
    {"passada", C_REL, R_LAST, PT},
    {"proximo", C_REL, R_NEXT, ES},
    {"proxima", C_REL, R_NEXT, ES},
    {"últimos", C_REL, R_PAST, ES | PT},
    {"últimas", C_REL, R_PAST, ES | PT},
    {"questo", C_REL, R_THIS, IT},
    {"questa", C_REL, R_THIS, IT},
    {"quest", C_REL, R_THIS, IT},
    {"prossimo", C_REL, R_NEXT, IT},
    {"prossima", C_REL, R_NEXT, IT},
    {"prossimi", C_REL, R_COMING, IT}, /* "nei prossimi giorni" */
    {"prossime", C_REL, R_COMING, IT},
    {"próximos", C_REL, R_COMING, ES},
    {"próximas", C_REL, R_COMING, ES},
    {"scorso", C_REL, R_LAST, IT},
    {"scorsa", C_REL, R_LAST, IT},
    {"passato", C_REL, R_LAST, IT},
    {"passata", C_REL, R_LAST, IT},
    {"ultimi", C_REL, R_PAST, IT},
    {"ultime", C_REL, R_PAST, IT},
    {"letzte", C_REL, R_LAST, DE},
    {"letzten", C_REL, R_LAST, DE},
    {"letzter", C_REL, R_LAST, DE},
    {"letztes", C_REL, R_LAST, DE},
    {"vergangene", C_REL, R_LAST, DE},
    {"vergangenen", C_REL, R_LAST, DE},
    {"vergangenes", C_REL, R_LAST, DE},
    {"vergangener", C_REL, R_LAST, DE}, /* "Ende vergangener Woche" */
    {"nächste", C_REL, R_NEXT, DE},
    {"nächsten", C_REL, R_NEXT, DE},
    {"nächstes", C_REL, R_NEXT, DE},
    {"nächster", C_REL, R_NEXT, DE}, /* "Ende nächster Woche" */
    {"diese", C_REL, R_THIS, DE},
    {"diesen", C_REL, R_THIS, DE},
    {"dieses", C_REL, R_THIS, DE},
    {"diesem", C_REL, R_THIS, DE},
    {"dieser", C_REL, R_THIS, DE}, /* "Anfang dieser Woche" */
    {"прошлой", C_REL, R_LAST, RU},
    {"прошлом", C_REL, R_LAST, RU},
    {"прошлый", C_REL, R_LAST, RU},
    {"прошлую", C_REL, R_LAST, RU},
    {"прошлого", C_REL, R_LAST, RU},
    {"следующей", C_REL, R_NEXT, RU},
    {"следующем", C_REL, R_NEXT, RU},
    {"следующий", C_REL, R_NEXT, RU},
    {"следующую", C_REL, R_NEXT, RU},
    {"этой", C_REL, R_THIS, RU},
    {"этом", C_REL, R_THIS, RU},
    {"этот", C_REL, R_THIS, RU},
    {"эту", C_REL, R_THIS, RU},
    {"последние", C_REL, R_PAST, RU},
    /* relative words after the noun */
    {"dernier", C_POSTREL, R_LAST, FR},
    {"dernière", C_POSTREL, R_LAST, FR},
    {"passé", C_POSTREL, R_LAST, FR},
    {"passée", C_POSTREL, R_LAST, FR},
    {"prochain", C_POSTREL, R_NEXT, FR},
    {"prochaine", C_POSTREL, R_NEXT, FR},
    {"pasado", C_POSTREL, R_LAST, ES},
    {"pasada", C_POSTREL, R_LAST, ES},
    {"próximo", C_POSTREL, R_NEXT, ES},
    {"próxima", C_POSTREL, R_NEXT, ES},
    {"scorso", C_POSTREL, R_LAST, IT},
    {"scorsa", C_POSTREL, R_LAST, IT},
    {"passato", C_POSTREL, R_LAST, IT},
    {"passata", C_POSTREL, R_LAST, IT},
    {"prossimo", C_POSTREL, R_NEXT, IT},
    {"prossima", C_POSTREL, R_NEXT, IT},
    {"passado", C_POSTREL, R_LAST, PT},
    {"passada", C_POSTREL, R_LAST, PT},
    {"corrente", C_POSTREL, R_THIS, IT},
    /* modifiers */
    {"early", C_MOD, M_EARLY, EN},
    {"late", C_MOD, M_LATE, EN},
    {"mid", C_MOD, M_MID, EN},
    {"middle", C_MOD, M_MID, EN},
    {"end", C_MOD, M_END, EN},
    {"beginning", C_MOD, M_BEGIN, EN},
    {"start", C_MOD, M_BEGIN, EN},
    {"earlier", C_MOD, M_EARLIER, EN},
    {"later", C_MOD, M_LATER, EN},
    {"fin", C_MOD, M_END, FR | ES}, /* es: "fin de semana", "a fin de mes" */
    {"début", C_MOD, M_BEGIN, FR},
    {"mi", C_MOD, M_MID, FR},
    {"finales", C_MOD, M_END, ES},
    {"fines", C_MOD, M_END, ES},
    {"principios", C_MOD, M_BEGIN, ES},
    {"mediados", C_MOD, M_MID, ES},
    {"comienzos", C_MOD, M_BEGIN, ES},
    {"fine", C_MOD, M_END, IT},
    {"inizio", C_MOD, M_BEGIN, IT},
    {"metà", C_MOD, M_MID, IT},
    {"anfang", C_MOD, M_BEGIN, DE},
    {"ende", C_MOD, M_END, DE},
    {"mitte", C_MOD, M_MID, DE},
    {"конце", C_MOD, M_END, RU},
    {"начале", C_MOD, M_BEGIN, RU},
    {"середине", C_MOD, M_MID, RU},
    /* sets */
    {"daily", C_SET, U_DAY, EN},
    {"weekly", C_SET, U_WEEK, EN},
    {"monthly", C_SET, U_MONTH, EN},
    {"annually", C_SET, U_YEAR, EN},
    {"yearly", C_SET, U_YEAR, EN},
    {"annual", C_SET, -U_YEAR, EN},
    {"hourly", C_SET, U_HOUR, EN},
    {"nightly", C_SET, U_DAY, EN},
    {"quotidien", C_SET, U_DAY, FR},
    {"hebdomadaire", C_SET, U_WEEK, FR},
    {"annuellement", C_SET, U_YEAR, FR},
    {"täglich", C_SET, U_DAY, DE},
    {"jährlich", C_SET, U_YEAR, DE},
    {"ежегодно", C_SET, U_YEAR, RU},
    {"ежедневно", C_SET, U_DAY, RU},
    {"anualmente", C_SET, U_YEAR, ES | PT},
    {"annualmente", C_SET, U_YEAR, IT},
    {"every", C_EVERY, 1, EN},
    {"each", C_EVERY, 1, EN},
    {"chaque", C_EVERY, 1, FR},
    {"cada", C_EVERY, 1, ES | PT},
    {"ogni", C_EVERY, 1, IT},
    {"jede", C_EVERY, 1, DE},
    {"jeden", C_EVERY, 1, DE},
    {"jedes", C_EVERY, 1, DE},
    {"jeder", C_EVERY, 1, DE},
    {"каждый", C_EVERY, 1, RU},
    {"каждую", C_EVERY, 1, RU},
    {"каждое", C_EVERY, 1, RU},
    /* decade words */
    {"twenties", C_DECW, 2, EN},
    {"thirties", C_DECW, 3, EN},
    {"forties", C_DECW, 4, EN},
    {"fifties", C_DECW, 5, EN},
    {"sixties", C_DECW, 6, EN},
    {"seventies", C_DECW, 7, EN},
    {"eighties", C_DECW, 8, EN},
    {"nineties", C_DECW, 9, EN},
    /* holidays (the words that start them) */
    {"christmas", C_HOLIDAY, H_CHRISTMAS, EN},
    {"thanksgiving", C_HOLIDAY, H_THANKSGIVING, EN},
    {"halloween", C_HOLIDAY, H_HALLOWEEN, EN | FR | ES | IT | PT},
    {"easter", C_HOLIDAY, H_EASTER, EN},
    {"pasqua", C_HOLIDAY, H_EASTER, IT},
    {"pascua", C_HOLIDAY, H_EASTER, ES},
    {"pâques", C_HOLIDAY, H_EASTER, FR},
    {"páscoa", C_HOLIDAY, H_EASTER, PT},
    {"pasquetta", C_HOLIDAY, H_EASTER_MONDAY, IT},
    {"epiphany", C_HOLIDAY, H_EPIPHANY, EN},
    {"epifania", C_HOLIDAY, H_EPIPHANY, IT},
    {"épiphanie", C_HOLIDAY, H_EPIPHANY, FR},
    {"ognissanti", C_HOLIDAY, H_ALL_SAINTS, IT},
    {"toussaint", C_HOLIDAY, H_ALL_SAINTS, FR},
    /* saints' days after "San"/"Santo" (pat_holiday checks the word) */
    {"stefano", C_HOLIDAY, H_ST_STEPHEN, IT},
    {"silvestro", C_HOLIDAY, H_NEWYEARS_EVE, IT},
    {"valentino", C_HOLIDAY, H_VALENTINE, IT},
    {"noël", C_HOLIDAY, H_CHRISTMAS, FR},
    {"navidad", C_HOLIDAY, H_CHRISTMAS, ES},
    {"natale", C_HOLIDAY, H_CHRISTMAS, IT},
    {"weihnachten", C_HOLIDAY, H_CHRISTMAS, DE},
    {"new", C_KW, K_NEW, EN},
    {"eve", C_KW, K_EVE, EN},
    {"independence", C_KW, K_INDEP, EN},
    {"valentine", C_KW, K_VALENTINE, EN},
    {"election", C_KW, K_ELECTION, EN},
    {"labor", C_KW, K_LABOR, EN},
    {"memorial", C_KW, K_MEMORIAL, EN},
    {"black", C_KW, K_BLACK, EN},
    {"cyber", C_KW, K_CYBER, EN},
    /* keywords */
    {"the", C_KW, K_THE, EN},
    {"le", C_KW, K_THE, FR},
    {"la", C_KW, K_THE, FR | ES | IT},
    {"les", C_KW, K_THE, FR},
    {"l", C_KW, K_THE, FR | IT},
    {"el", C_KW, K_THE, ES},
    {"los", C_KW, K_THE, ES},
    {"las", C_KW, K_THE, ES},
    {"il", C_KW, K_THE, IT},
    {"lo", C_KW, K_THE, IT},
    {"der", C_KW, K_THE, DE},
    {"die", C_KW, K_THE, DE},
    {"das", C_KW, K_THE, DE},
    {"dem", C_KW, K_THE, DE},
    {"den", C_KW, K_THE, DE},
    {"o", C_KW, K_THE, PT},
    {"os", C_KW, K_THE, PT},
    {"as", C_KW, K_THE, PT},
    {"a", C_KW, K_A, EN},
    {"an", C_KW, K_A, EN},
    {"of", C_KW, K_OF, EN},
    {"de", C_KW, K_OF, FR | ES | PT},
    {"d", C_KW, K_OF, FR},
    {"del", C_KW, K_OF, ES | IT},
    {"di", C_KW, K_OF, IT},
    {"du", C_KW, K_OF, FR},
    {"des", C_KW, K_OF, FR | DE}, /* de: "Ende des Monats" */
    {"della", C_KW, K_OF, IT},
    {"dello", C_KW, K_OF, IT},
    {"do", C_KW, K_OF, PT},
    {"da", C_KW, K_OF, PT},
    {"in", C_KW, K_IN, EN | DE | IT},
    {"en", C_KW, K_IN, FR | ES},
    {"im", C_KW, K_IN, DE},
    {"nel", C_KW, K_IN, IT},
    {"nella", C_KW, K_IN, IT},
    {"в", C_KW, K_IN, RU},
    {"во", C_KW, K_IN, RU},
    {"em", C_KW, K_IN, PT},
    {"no", C_KW, K_IN, PT},
    {"na", C_KW, K_IN, PT},
    {"during", C_KW, K_IN, EN},
    {"by", C_KW, K_IN, EN},
    {"au", C_KW, K_IN, FR},
    {"dans", C_KW, K_IN, FR},
    {"on", C_KW, K_ON, EN},
    {"am", C_KW, K_ON, DE},
    {"на", C_KW, K_ON, RU},
    {"and", C_KW, K_AND, EN},
    {"et", C_KW, K_AND, FR},
    {"y", C_KW, K_Y, FR | ES},
    {"e", C_KW, K_AND, IT | PT},
    {"und", C_KW, K_AND, DE},
    {"и", C_KW, K_AND, RU},
    {"or", C_KW, K_AND, EN},
    {"to", C_KW, K_TO, EN},
    {"through", C_KW, K_TO, EN},
    {"thru", C_KW, K_TO, EN},
    {"until", C_KW, K_TO, EN},
    {"till", C_KW, K_TO, EN},
    {"al", C_KW, K_TO, ES | IT},
    {"bis", C_KW, K_TO, DE},
    {"по", C_KW, K_TO, RU},
    {"до", C_KW, K_TO, RU},
    {"à", C_KW, K_TO, FR},
    {"a", C_KW2, K_TO, FR | ES | IT | PT},
    {"jusqu", C_KW, K_TO, FR},
    {"hasta", C_KW, K_HASTA, ES},      /* "desde el 14 hasta el 17 de febrero" */
    {"s\xc3\xb3lo", C_KW, K_ONLY, ES}, /* "hace sólo nueve días" */
    {"solo", C_KW, K_ONLY, ES},
    {"apenas", C_KW, K_ONLY, ES | PT},
    {"seulement", C_KW, K_ONLY, FR}, /* "il y a seulement neuf jours" */
    {"s\xc3\xb3", C_KW, K_ONLY, PT}, /* "há só três dias" */
    {"from", C_KW, K_FROM, EN},
    {"desde", C_KW, K_FROM, ES | PT},
    {"dal", C_KW, K_FROM, IT},
    {"vom", C_KW, K_FROM, DE},
    {"von", C_KW, K_FROM, DE},
    {"с", C_KW, K_FROM, RU},
    {"since", C_KW, K_SINCE, EN},
    {"depuis", C_KW, K_SINCE, FR},
    {"seit", C_KW, K_SINCE, DE},
    {"between", C_KW, K_BETWEEN, EN},
    {"entre", C_KW, K_BETWEEN, FR | ES | PT},
    {"tra", C_KW, K_BETWEEN, IT},
    {"fra", C_KW, K_BETWEEN, IT},
    {"zwischen", C_KW, K_BETWEEN, DE},
    {"между", C_KW, K_BETWEEN, RU},
    {"ago", C_KW, K_AGO, EN},
    {"назад", C_KW, K_AGO, RU},
    {"fa", C_KW, K_AGO, IT},
    {"atrás", C_KW, K_AGO, PT}, /* Brazilian "três anos atrás" */
    {"earlier", C_KW, K_EARLIER, EN},
    {"before", C_KW, K_EARLIER, EN},
    {"later", C_KW, K_LATER, EN},
    {"after", C_KW, K_LATER, EN},
    {"hence", C_KW, K_LATER, EN},
    {"il", C_KW2, K_ILYA, FR},
    {"hace", C_KW, K_HACE, ES},
    {"há", C_KW, K_HACE, PT},
    {"vor", C_KW, K_HACE, DE},
    {"about", C_KW, K_APPROX, EN},
    {"around", C_KW, K_APPROX, EN},
    {"nearly", C_KW, K_APPROX, EN},
    {"almost", C_KW, K_APPROX, EN},
    {"roughly", C_KW, K_APPROX, EN},
    {"approximately", C_KW, K_APPROX, EN},
    {"some", C_KW, K_APPROX, EN},
    {"environ", C_KW, K_APPROX, FR},
    {"exactly", C_KW, K_APPROX, EN}, /* not approximate: pat_ago's "exactly a year ago" */
    {"exactement", C_KW, K_APPROX, FR},
    {"exactamente", C_KW, K_APPROX, ES},
    {"exatamente", C_KW, K_APPROX, PT},
    {"esattamente", C_KW, K_APPROX, IT},
    {"près", C_KW, K_APPROX, FR},
    {"unos", C_KW, K_APPROX, ES},
    {"unas", C_KW, K_APPROX, ES},
    {"casi", C_KW, K_APPROX, ES},
    {"circa", C_KW, K_APPROX, IT},
    {"quasi", C_KW, K_APPROX, IT},
    {"etwa", C_KW, K_APPROX, DE},
    {"fast", C_KW, K_APPROX, DE},
    {"около", C_KW, K_APPROX, RU},
    {"почти", C_KW, K_APPROX, RU},
    {"more", C_KW, K_MORE, EN},
    {"over", C_KW, K_MORE, EN},
    {"less", C_KW, K_MORE, EN},
    {"least", C_KW, K_MORE, EN},
    {"at", C_KW, K_MORE, EN},
    {"up", C_KW, K_MORE, EN},
    {"fewer", C_KW, K_MORE, EN},
    {"plus", C_KW, K_MORE, FR},
    {"moins", C_KW, K_MORE, FR},
    {"más", C_KW, K_MORE, ES},
    {"menos", C_KW, K_MORE, ES | PT},
    {"più", C_KW, K_MORE, IT},
    {"mehr", C_KW, K_MORE, DE},
    {"более", C_KW, K_MORE, RU},
    {"than", C_KW, K_THAN, EN},
    {"que", C_KW, K_THAN, FR | ES},
    {"als", C_KW, K_THAN, DE},
    {"another", C_KW, K_ANOTHER, EN},
    {"additional", C_KW, K_ANOTHER, EN},
    {"further", C_KW, K_ANOTHER, EN},
    {"extra", C_KW, K_ANOTHER, EN},
    {"few", C_KW, K_FEW, EN},
    {"several", C_KW, K_FEW, EN},
    {"many", C_KW, K_FEW, EN},
    {"couple", C_KW, K_FEW, EN},
    {"plusieurs", C_KW, K_FEW, FR},
    {"quelques", C_KW, K_FEW, FR},
    {"varios", C_KW, K_FEW, ES},
    {"varias", C_KW, K_FEW, ES},
    {"vari", C_KW, K_FEW, IT},
    {"alcuni", C_KW, K_FEW, IT},
    {"alcune", C_KW, K_FEW, IT},
    {"mehrere", C_KW, K_FEW, DE},
    {"einige", C_KW, K_FEW, DE},
    {"einigen", C_KW, K_FEW, DE},
    {"несколько", C_KW, K_FEW, RU},
    {"vários", C_KW, K_FEW, PT},
    {"fiscal", C_KW, K_FISCAL, EN},
    {"am", C_KW2, K_AM, EN | ES},
    {"pm", C_KW, K_PM, EN | ES}, /* "a las 10 pm" */
    {"est", C_KW, K_TZ, EN},
    {"edt", C_KW, K_TZ, EN},
    {"cst", C_KW, K_TZ, EN},
    {"cdt", C_KW, K_TZ, EN},
    {"pst", C_KW, K_TZ, EN},
    {"pdt", C_KW, K_TZ, EN},
    {"gmt", C_KW, K_TZ, ALL},
    {"utc", C_KW, K_TZ, ALL},
    {"cet", C_KW, K_TZ, ALL},
    {"cest", C_KW, K_TZ, ALL},
    {"bst", C_KW, K_TZ, EN},
    {"msk", C_KW, K_TZ, ALL},
    {"st", C_KW, K_ORDSUF, EN},
    {"nd", C_KW, K_ORDSUF, EN},
    {"rd", C_KW, K_ORDSUF, EN},
    {"th", C_KW, K_ORDSUF, EN},
    {"er", C_KW, K_ORDSUF, FR},
    {"re", C_KW, K_ORDSUF, FR},
    {"ème", C_KW, K_ORDSUF, FR},
    {"e", C_KW2, K_ORDSUF, FR},
    {"º", C_KW, K_ORDSUF, ES | IT | PT},
    {"°", C_KW, K_ORDSUF, ES | IT | PT},
    {"ª", C_KW, K_ORDSUF, ES | PT},
    {"го", C_KW, K_ORDSUF, RU},
    {"s", C_KW, K_S, ALL},
    {"года", C_KW, K_YEARW, RU},
    {"году", C_KW, K_YEARW, RU},
    {"г", C_KW, K_YEARW, RU},
    {"ahead", C_KW, K_AHEAD, EN},
    {"near", C_KW, K_NEAR, EN},
    {"term", C_KW, K_TERM, EN},
    {"full", C_KW, K_FULL, EN},
    {"short", C_KW, K_NEAR, EN},
    {"period", C_KW, K_PERIOD, EN},
    {"half", C_KW, K_HALFW, EN},
    {"q", C_KW, K_Q, ALL},
    {"h", C_KW, K_H, FR},
    {"per", C_KW, K_PER, EN},
    {"par", C_KW, K_PER, FR},
    {"todos", C_KW, K_ALL, ES | PT},
    {"todas", C_KW, K_ALL, ES | PT},
    {"tous", C_KW, K_ALL, FR},
    {"toutes", C_KW, K_ALL, FR},
    {"tutti", C_KW, K_ALL, IT},
    {"tutte", C_KW, K_ALL, IT},
    {"alle", C_KW, K_ALL, DE},
    {"clock", C_KW, K_OCLOCK, EN},
    {"hui", C_KW, K_MISC, FR},
    {"m", C_KW, K_MISC, EN},
    {"p", C_KW, K_MISC, EN},
    {"o", C_KW2, K_MISC, EN},
    {"de", C_KW2, K_DE, FR | ES | PT},
    {"uhr", C_KW, K_OCLOCK, DE},
    {"year-earlier", C_KW, K_YEAREARLIER, EN},
    {"year-ago", C_KW, K_YEAREARLIER, EN},
    {"por", C_KW, K_IN, ES},
    {"nei", C_KW, K_IN, IT},
    {"negli", C_KW, K_IN, IT},
    /* Romanian */
    {"ianuarie", C_MONTH, 1, RO},
    {"februarie", C_MONTH, 2, RO},
    {"martie", C_MONTH, 3, RO},
    {"aprilie", C_MONTH, 4, RO},
    {"mai", C_MONTH, 5, RO},
    {"iunie", C_MONTH, 6, RO},
    {"iulie", C_MONTH, 7, RO},
    {"august", C_MONTH, 8, RO},
    {"septembrie", C_MONTH, 9, RO},
    {"octombrie", C_MONTH, 10, RO},
    {"noiembrie", C_MONTH, 11, RO},
    {"decembrie", C_MONTH, 12, RO},
    {"ian", C_MONABBR, 1, RO},
    {"mar", C_MONABBR, 3, RO},
    {"iun", C_MONABBR, 6, RO},
    {"iul", C_MONABBR, 7, RO},
    {"dec", C_MONABBR, 12, RO},
    {"luni", C_WDAY, 1, RO},
    {"marți", C_WDAY, 2, RO},
    {"miercuri", C_WDAY, 3, RO},
    {"joi", C_WDAY, 4, RO},
    {"vineri", C_WDAY, 5, RO},
    {"sâmbătă", C_WDAY, 6, RO},
    {"sîmbătă", C_WDAY, 6, RO},
    {"duminică", C_WDAY, 7, RO},
    {"lunea", C_WDAYPL, 1, RO}, /* articled: "on Mondays", "lunea trecută" */
    {"marțea", C_WDAYPL, 2, RO},
    {"miercurea", C_WDAYPL, 3, RO},
    {"joia", C_WDAYPL, 4, RO},
    {"vinerea", C_WDAYPL, 5, RO},
    {"sâmbăta", C_WDAYPL, 6, RO},
    {"sîmbăta", C_WDAYPL, 6, RO},
    {"ieri", C_DEICT, D_YESTERDAY, RO},
    {"azi", C_DEICT, D_TODAY, RO},
    {"astăzi", C_DEICT, D_TODAY, RO},
    {"mâine", C_DEICT, D_TOMORROW, RO},
    {"mîine", C_DEICT, D_TOMORROW, RO}, /* the spelling of Moldovan copy */
    {"săptămîna", C_UNIT, U_WEEK, RO},
    {"săptămînă", C_UNIT, U_WEEK, RO},
    {"săptămîni", C_UNITPL, U_WEEK, RO},
    {"alaltăieri", C_DEICT, D_DBY, RO},
    {"poimâine", C_DEICT, D_DAT, RO},
    {"zi", C_UNIT, U_DAY, RO},
    {"ziua", C_UNIT, U_DAY, RO},
    {"na\xc8\x9bional\xc4\x83", C_KW, K_NATIONAL, RO}, /* "Ziua Națională" */
    {"nationala", C_KW, K_NATIONAL, RO},
    {"zile", C_UNITPL, U_DAY, RO},
    {"săptămână", C_UNIT, U_WEEK, RO},
    {"săptămâna", C_UNIT, U_WEEK, RO},
    {"săptămâni", C_UNITPL, U_WEEK, RO},
    {"lună", C_UNIT, U_MONTH, RO},
    {"luna", C_UNIT, U_MONTH, RO},
    {"lunile", C_UNITPL, U_MONTH, RO},
    {"luni", C_UNITPL, U_MONTH, RO}, /* also Monday: p_wday */
    {"an", C_UNIT, U_YEAR, RO},
    {"anul", C_UNIT, U_YEAR, RO},
    {"ani", C_UNITPL, U_YEAR, RO},
    {"anii", C_UNITPL, U_YEAR, RO},
    {"trecut", C_POSTREL, R_LAST, RO},
    {"trecută", C_POSTREL, R_LAST, RO},
    {"viitor", C_POSTREL, R_NEXT, RO},
    {"viitoare", C_POSTREL, R_NEXT, RO},
    {"următor", C_POSTREL, R_NEXT, RO},
    {"următoare", C_POSTREL, R_NEXT, RO},
    {"acest", C_REL, R_THIS, RO},
    {"această", C_REL, R_THIS, RO},
    {"ultimii", C_REL, R_PAST, RO},
    {"ultimele", C_REL, R_PAST, RO},
    {"acum", C_KW, K_HACE, RO},
    {"acum", C_DEICT, D_NOW, RO}, /* "Acum, situația este sub control" (with a count, ago) */
    {"în", C_KW, K_IN, RO},
    {"și", C_KW, K_AND, RO}, /* "între martie și noiembrie 2024" */
    {"între", C_KW, K_BETWEEN, RO},
    {"până", C_KW, K_TO, RO}, /* "de luni până vineri" */
    {"un", C_NUMW, 1, RO},
    {"o", C_NUMW, 1, RO},
    {"doi", C_NUMW, 2, RO},
    {"două", C_NUMW, 2, RO},
    {"trei", C_NUMW, 3, RO},
    {"patru", C_NUMW, 4, RO},
    {"cinci", C_NUMW, 5, RO},
    {"șase", C_NUMW, 6, RO},
    {"șapte", C_NUMW, 7, RO},
    {"opt", C_NUMW, 8, RO},
    {"nouă", C_NUMW, 9, RO},
    {"zece", C_NUMW, 10, RO},
    /* Romanian beyond the core. Written with comma-below letters: the fold
     * maps the cedilla forms (ş, ţ) to them, and lex_build adds each word
     * without diacritics too ("saptamana trecuta"), as much web copy is
     * written */
    {"unsprezece", C_NUMW, 11, RO},
    {"doisprezece", C_NUMW, 12, RO},
    {"douăsprezece", C_NUMW, 12, RO},
    {"cincisprezece", C_NUMW, 15, RO},
    {"douăzeci", C_NUMW, 20, RO},
    {"treizeci", C_NUMW, 30, RO},
    {"patruzeci", C_NUMW, 40, RO},
    {"cincizeci", C_NUMW, 50, RO},
    {"câteva", C_KW, K_FEW, RO},
    {"câțiva", C_KW, K_FEW, RO},
    {"ore", C_UNITPL, U_HOUR, RO},
    {"oră", C_UNIT, U_HOUR, RO},
    {"ora", C_UNIT, U_HOUR, RO},  /* "la ora 14.30" (pat_time) */
    {"orei", C_UNIT, U_HOUR, RO}, /* "în jurul orei 6" */
    {"orele", C_UNITPL, U_HOUR, RO},
    {"minute", C_UNITPL, U_MIN, RO},
    {"deceniu", C_UNIT, U_DECADE, RO},
    {"decenii", C_UNITPL, U_DECADE, RO},
    {"secol", C_UNIT, U_CENTURY, RO},
    {"secolul", C_UNIT, U_CENTURY, RO},
    /* genitives: "la sfârșitul lunii", "începutul anului", "săptămânii trecute" */
    {"zilei", C_UNIT, U_DAY, RO},
    {"săptămânii", C_UNIT, U_WEEK, RO},
    {"lunii", C_UNIT, U_MONTH, RO},
    {"anului", C_UNIT, U_YEAR, RO},
    {"weekend", C_UNIT, U_WEEKEND, RO},
    {"weekendul", C_UNIT, U_WEEKEND, RO},
    {"weekendului", C_UNIT, U_WEEKEND, RO},
    {"week-end", C_UNIT, U_WEEKEND, RO | FR},
    {"week-endul", C_UNIT, U_WEEKEND, RO},
    {"acesta", C_POSTREL, R_THIS, RO}, /* "anul acesta", "luna aceasta" */
    {"aceasta", C_POSTREL, R_THIS, RO},
    {"curent", C_POSTREL, R_THIS, RO}, /* "anul curent", "luna curentă" */
    {"curentă", C_POSTREL, R_THIS, RO},
    {"trecute", C_POSTREL, R_LAST, RO},
    {"trecutei", C_POSTREL, R_LAST, RO},
    {"viitorului", C_POSTREL, R_NEXT, RO},
    {"următorii", C_REL, R_COMING, RO},
    {"următoarele", C_REL, R_COMING, RO},
    {"sfârșitul", C_MOD, M_END, RO},
    {"sfîrșitul", C_MOD, M_END, RO},
    {"finalul", C_MOD, M_END, RO},
    {"începutul", C_MOD, M_BEGIN, RO},
    {"mijlocul", C_MOD, M_MID, RO},
    {"dimineață", C_PART, P_MO, RO},
    {"dimineața", C_PART, P_MO, RO},
    {"dimineții", C_PART, P_MO, RO},
    {"după-amiază", C_PART, P_AF, RO},
    {"după-amiaza", C_PART, P_AF, RO},
    {"după-amiezii", C_PART, P_AF, RO},
    {"seară", C_PART, P_EV, RO},
    {"seara", C_PART, P_EV, RO},
    {"serii", C_PART, P_EV, RO},
    {"noapte", C_PART, P_NI, RO},
    {"noaptea", C_PART, P_NI, RO},
    {"nopții", C_PART, P_NI, RO},
    {"amiază", C_PART, P_NOON, RO},
    {"amiaza", C_PART, P_NOON, RO},
    {"aseară", C_DEICT, D_LASTNIGHT, RO},
    {"azi-noapte", C_DEICT, D_TONIGHT, RO},
    {"astă-noapte", C_DEICT, D_TONIGHT, RO},
    {"astă-seară", C_DEICT, D_TONIGHT, RO},
    {"diseară", C_DEICT, D_TONIGHT, RO},
    {"deseară", C_DEICT, D_TONIGHT, RO},
    {"azi-dimineață", C_DEICT, D_THISMORNING, RO},
    {"astă-dimineață", C_DEICT, D_THISMORNING, RO},
    {"de", C_KW, K_OF, RO},     /* "noaptea de sâmbătă", "sfârșitul lunii de martie" */
    {"lui", C_KW, K_OF, RO},    /* "la sfârșitul lui februarie" */
    {"spre", C_KW, K_TO, RO},   /* "noaptea de sâmbătă spre duminică" */
    {"urmă", C_KW, K_HACE, RO}, /* "în urmă cu trei zile" (pat_ago) */
    {"cu", C_KW, K_MISC, RO},
    {"bine", C_KW, K_MISC, RO},   /* "acum mai bine de un an": more than (pat_ago) */
    {"mult", C_KW, K_MISC, RO},   /* "în urmă cu mai mult de un an" */
    {"la", C_KW2, K_TO, RO},      /* "de la 1 la 5 martie" */
    {"pe", C_KW, K_ON, RO},       /* "pe 15 martie", "până pe 5 martie" */
    {"peste", C_KW, K_HENCE, RO}, /* "peste două săptămâni": from now */
    /* Italian and Portuguese words beyond the Spanish/French core */
    {"da", C_KW2, K_FROM, IT},   /* "da marzo" (pt "da" = "of the") */
    {"dell", C_KW, K_OF, IT},    /* "la fine dell'anno" */
    {"nell", C_KW, K_IN, IT},    /* "nell'aprile 2011" */
    {"entro", C_KW, K_TO, IT},   /* "entro la fine dell'anno" */
    {"fra", C_KW2, K_HENCE, IT}, /* "fra due settimane" (also "between") */
    {"tra", C_KW2, K_HENCE, IT},
    /* "voteront dans dix jours" (also "in": "dans les dix jours" has no count) */
    {"dans", C_KW2, K_HENCE, FR},
    {"weekend", C_UNIT, U_WEEKEND, IT | PT},
    {"un", C_NUMW, 1, IT},
    {"stamattina", C_DEICT, D_THISMORNING, IT},
    {"altroieri", C_DEICT, D_DBY, IT},
    {"avantieri", C_DEICT, D_DBY, IT},
    {"stamane", C_DEICT, D_THISMORNING, IT},
    {"stamani", C_DEICT, D_THISMORNING, IT},
    {"domattina", C_DEICT, D_TMRWMORNING, IT},
    {"mezzanotte", C_PART, P_MIDNIGHT, IT},
    {"meia-noite", C_PART, P_MIDNIGHT, PT},
    {"meio-dia", C_PART, P_NOON, PT},
    {"mitjanit", C_PART, P_MIDNIGHT, CA},
    {"matinada", C_PART, P_MO, CA},     /* the small hours, as "madrugada" */
    {"miezul", C_PART, P_MIDNIGHT, RO}, /* only before "nopții" (pat_time) */
    /* plural weekdays: habitual ("le mercredi" is left a date) */
    {"mondays", C_WDAYPL, 1, EN},
    {"tuesdays", C_WDAYPL, 2, EN},
    {"wednesdays", C_WDAYPL, 3, EN},
    {"thursdays", C_WDAYPL, 4, EN},
    {"fridays", C_WDAYPL, 5, EN},
    {"saturdays", C_WDAYPL, 6, EN},
    {"sundays", C_WDAYPL, 7, EN},
    {"lundis", C_WDAYPL, 1, FR},
    {"mardis", C_WDAYPL, 2, FR},
    {"mercredis", C_WDAYPL, 3, FR},
    {"jeudis", C_WDAYPL, 4, FR},
    {"vendredis", C_WDAYPL, 5, FR},
    {"samedis", C_WDAYPL, 6, FR},
    {"dimanches", C_WDAYPL, 7, FR},
    {"sábados", C_WDAYPL, 6, ES | PT},
    {"sabados", C_WDAYPL, 6, ES | PT},
    {"domingos", C_WDAYPL, 7, ES | PT},
    {"sabati", C_WDAYPL, 6, IT},
    {"domeniche", C_WDAYPL, 7, IT},
    {"segundas-feiras", C_WDAYPL, 1, PT},
    {"terças-feiras", C_WDAYPL, 2, PT},
    {"quartas-feiras", C_WDAYPL, 3, PT},
    {"quintas-feiras", C_WDAYPL, 4, PT},
    {"sextas-feiras", C_WDAYPL, 5, PT},
    {"segundas", C_WDAYPL, 11, PT}, /* also ordinals: "as quartas de final" */
    {"terças", C_WDAYPL, 12, PT},
    {"quartas", C_WDAYPL, 13, PT},
    {"quintas", C_WDAYPL, 14, PT},
    {"sextas", C_WDAYPL, 15, PT},
    {"dissabtes", C_WDAYPL, 6, CA},
    {"diumenges", C_WDAYPL, 7, CA},
    {"other", C_KW, K_OTHER, EN},
    {"toda", C_EVERY, 1, PT}, /* "toda quarta-feira", "todo dia" (not "todo o dia") */
    {"todo", C_EVERY, 1, PT},
    {"segunda-feira", C_WDAY, 1, PT},
    {"terça-feira", C_WDAY, 2, PT},
    {"quarta-feira", C_WDAY, 3, PT},
    {"quinta-feira", C_WDAY, 4, PT},
    {"sexta-feira", C_WDAY, 5, PT},
    {"daqui", C_KW, K_HENCE, PT},        /* "daqui a duas semanas" */
    {"dentro", C_KW, K_HENCE, PT | ES},  /* "dentro de uma semana", "dentro de dos meses" */
    {"que", C_KW2, K_QUE, PT | CA | ES}, /* "o ano que vem", "l'any que ve", "la semana que
                                            viene" (C_KW: K_THAN) */
    {"vem", C_POSTREL, R_NEXT, PT},
    {"viene", C_POSTREL, R_NEXT, ES},
    {"último", C_REL, R_LAST, PT | ES}, /* es, it: only "la última semana" (pat_rel) */
    {"última", C_REL, R_LAST, PT | ES},
    {"ultimo", C_REL, R_LAST, IT},
    {"ultima", C_REL, R_LAST, IT},
    {"fim", C_MOD, M_END, PT},
    {"final", C_MOD, M_END, PT | CA},
    {"início", C_MOD, M_BEGIN, PT},
    {"princípio", C_MOD, M_BEGIN, PT},
    {"princípios", C_MOD, M_BEGIN, PT},
    {"meados", C_MOD, M_MID, PT},
    {"anteontem", C_DEICT, D_DBY, PT},
    {"até", C_KW, K_TO, PT},
    {"ao", C_KW, K_TO, PT},
    {"à", C_KW, K_TO, PT},
    {"nos", C_KW, K_IN, PT},
    {"nas", C_KW, K_IN, PT},
    {"dos", C_KW, K_OF, PT},
    {"cerca", C_KW, K_APPROX, PT | ES}, /* "hace cerca de un año" */
    {"quase", C_KW, K_APPROX, PT},
    {"mais", C_KW, K_MORE, PT},
    {"alguns", C_KW, K_FEW, PT},
    {"algumas", C_KW, K_FEW, PT},
    {"onze", C_NUMW, 11, PT | CA | FR},
    {"doze", C_NUMW, 12, PT},
    {"vinte", C_NUMW, 20, PT},
    {"trinta", C_NUMW, 30, PT},
    {"século", C_UNIT, U_CENTURY, PT},
    {"minutos", C_UNITPL, U_MIN, ES | PT},
    /* Italian wire copy: month abbreviations of datelines ("ROMA, 14 MAR -",
     * "12 set"; the Italian-only ones need the "it" hint or capitals, see
     * p_month), parts of the day, "ad aprile", numbers of decades ("anni
     * Ottanta") and counts ("quindici giorni") */
    {"gen", C_MONABBR, 1, IT},
    {"mar", C_MONABBR, 3, IT},
    {"mag", C_MONABBR, 5, IT},
    {"giu", C_MONABBR, 6, IT},
    {"lug", C_MONABBR, 7, IT},
    {"ago", C_MONABBR, 8, IT},
    {"set", C_MONABBR, 9, IT},
    {"ott", C_MONABBR, 10, IT},
    {"dic", C_MONABBR, 12, IT},
    /* French and Spanish agency datelines ("LE CAIRE, 3 fév (AFP) -",
     * "El Cairo, 3 feb (EFE).-"); like the Italian ones they need the
     * language hint, capitals or a dot when not English too, see p_month */
    {"janv", C_MONABBR, 1, FR},
    {"fév", C_MONABBR, 2, FR},
    {"févr", C_MONABBR, 2, FR},
    {"fev", C_MONABBR, 2, FR | PT},
    {"fevr", C_MONABBR, 2, FR},
    {"avr", C_MONABBR, 4, FR},
    {"juil", C_MONABBR, 7, FR},
    {"déc", C_MONABBR, 12, FR},
    {"sept", C_MONABBR, 9, FR | ES},
    {"ene", C_MONABBR, 1, ES},
    {"mar", C_MONABBR, 3, ES},
    {"abr", C_MONABBR, 4, ES},
    {"ago", C_MONABBR, 8, ES},
    {"dic", C_MONABBR, 12, ES},
    /* "5 may. - …" (not "set": "el 3 set." of a tennis match) */
    {"may", C_MONABBR, 5, ES},
    /* Portuguese chronologies and datelines ("29 mar 2016 – PMDB deixa o
     * Governo", "5 mai. 2016"); "out" and "set" only with the hint */
    {"mar", C_MONABBR, 3, PT},
    {"abr", C_MONABBR, 4, PT},
    {"mai", C_MONABBR, 5, PT},
    {"ago", C_MONABBR, 8, PT},
    {"set", C_MONABBR, 9, PT},
    {"out", C_MONABBR, 10, PT},
    {"dez", C_MONABBR, 12, PT},
    {"au", C_KW2, K_TO, FR}, /* "du 3 au 5 mars" */
    {"mattinata", C_PART, P_MO, IT},
    {"alba", C_PART, P_MO, IT},
    {"nottata", C_PART, P_NI, IT},
    {"madrugada", C_PART, P_MO, ES | PT}, /* the small hours: the day's start */
    {"ad", C_KW2, K_TO, IT},
    {"undici", C_NUMW, 11, IT},
    {"dodici", C_NUMW, 12, IT},
    {"tredici", C_NUMW, 13, IT},
    {"quattordici", C_NUMW, 14, IT},
    {"quindici", C_NUMW, 15, IT},
    {"sedici", C_NUMW, 16, IT},
    {"diciassette", C_NUMW, 17, IT},
    {"diciotto", C_NUMW, 18, IT},
    {"diciannove", C_NUMW, 19, IT},
    {"quaranta", C_NUMW, 40, IT},
    {"cinquanta", C_NUMW, 50, IT},
    {"sessanta", C_NUMW, 60, IT},
    {"settanta", C_NUMW, 70, IT},
    {"ottanta", C_NUMW, 80, IT},
    {"novanta", C_NUMW, 90, IT},
    {"quarenta", C_NUMW, 40, PT},
    {"cinquenta", C_NUMW, 50, PT},
    {"sessenta", C_NUMW, 60, PT},
    {"setenta", C_NUMW, 70, ES | PT},
    {"oitenta", C_NUMW, 80, PT},
    {"noventa", C_NUMW, 90, ES | PT},
    /* Portuguese 13-19 (European and Brazilian spellings), Catalan 13-19
     * and tens, Romanian 13-19 and tens: "nos últimos dezoito dias", "els
     * darrers divuit dies"; 21-99 are the ten, "e/și/-i-" and the unit
     * (count_value) */
    {"treze", C_NUMW, 13, PT},
    {"catorze", C_NUMW, 14, PT | CA},
    {"quatorze", C_NUMW, 14, PT},
    {"dezasseis", C_NUMW, 16, PT},
    {"dezesseis", C_NUMW, 16, PT},
    {"dezassete", C_NUMW, 17, PT},
    {"dezessete", C_NUMW, 17, PT},
    {"dezoito", C_NUMW, 18, PT},
    {"dezanove", C_NUMW, 19, PT},
    {"dezenove", C_NUMW, 19, PT},
    {"tretze", C_NUMW, 13, CA},
    {"setze", C_NUMW, 16, CA},
    {"disset", C_NUMW, 17, CA},
    {"divuit", C_NUMW, 18, CA},
    {"dinou", C_NUMW, 19, CA},
    {"quaranta", C_NUMW, 40, CA},
    {"cinquanta", C_NUMW, 50, CA},
    {"seixanta", C_NUMW, 60, CA},
    {"setanta", C_NUMW, 70, CA},
    {"vuitanta", C_NUMW, 80, CA},
    {"noranta", C_NUMW, 90, CA},
    {"treisprezece", C_NUMW, 13, RO},
    {"paisprezece", C_NUMW, 14, RO},
    {"patrusprezece", C_NUMW, 14, RO},
    {"șaisprezece", C_NUMW, 16, RO},
    {"șaptesprezece", C_NUMW, 17, RO},
    {"optsprezece", C_NUMW, 18, RO},
    {"nouăsprezece", C_NUMW, 19, RO},
    {"șaizeci", C_NUMW, 60, RO},
    {"șaptezeci", C_NUMW, 70, RO},
    {"optzeci", C_NUMW, 80, RO},
    {"nouăzeci", C_NUMW, 90, RO},
    {"cuarenta", C_NUMW, 40, ES},
    {"cincuenta", C_NUMW, 50, ES},
    {"sesenta", C_NUMW, 60, ES},
    {"ochenta", C_NUMW, 80, ES},
    {"h", C_KW, K_H, PT | CA}, /* "às 14h30", "a les 18 h" */
    {"capodanno", C_HOLIDAY, H_NEWYEAR, IT},
    {"ferragosto", C_HOLIDAY, H_ASSUMPTION, IT},
    {"giornata", C_DEICT, D_INDAY, IT}, /* only after "in" (p_dayword) */
    {"jornada", C_DEICT, D_INDAY, ES},  /* only after "esa" (pat_rel) */
    {"natal", C_HOLIDAY, H_CHRISTMAS, PT},
    {"nadal", C_HOLIDAY, H_CHRISTMAS, CA},
    {"crăciun", C_HOLIDAY, H_CHRISTMAS, RO},
    {"crăciunul", C_HOLIDAY, H_CHRISTMAS, RO}, /* articled: "Crăciunul din 2009" */
    {"din", C_KW, K_OF, RO},
    {"pochi", C_KW, K_FEW, IT}, /* "pochi giorni fa" */
    {"poche", C_KW, K_FEW, IT},
    {"qualche", C_KW, K_FEW, IT},
    {"poco", C_KW, K_APPROX, IT}, /* "poco più di un anno fa" */
    {"pouco", C_KW, K_APPROX, PT},
    /* articles and "a" + article ("tutti i venerdì", "fino all'estate");
     * Catalan "i" is "and" (C_KW) */
    {"i", C_KW2, K_THE, IT},
    {"gli", C_KW, K_THE, IT},
    {"le", C_KW, K_THE, IT},
    {"all", C_KW2, K_TO, IT},
    {"alla", C_KW2, K_TO, IT},
    {"alle", C_KW2, K_TO, IT},
    /* elided tens: "quarant'anni", "vent'anni" (p_count) */
    {"vent", C_NUMW, 20, IT},
    {"trent", C_NUMW, 30, IT},
    {"quarant", C_NUMW, 40, IT},
    {"cinquant", C_NUMW, 50, IT},
    {"sessant", C_NUMW, 60, IT},
    {"settant", C_NUMW, 70, IT},
    {"ottant", C_NUMW, 80, IT},
    {"novant", C_NUMW, 90, IT},
    /* Portuguese: "nesta/desta semana", "neste mês" (before a weekday they
     * name the nearest one, by tense: see pat_rel); short weekdays and
     * "-feira" are in the weekday block above */
    {"para", C_KW2, K_MISC, PT}, /* "noite de segunda para terça-feira" (part_day) */
    {"nesta", C_REL, R_THIS, PT},
    {"neste", C_REL, R_THIS, PT},
    {"desta", C_REL, R_THIS, PT},
    {"deste", C_REL, R_THIS, PT},
    /* Catalan (only with the "ca" hint: several words are English or
     * French words too, see lex_build) */
    {"gener", C_MONTH, 1, CA},
    {"febrer", C_MONTH, 2, CA},
    {"març", C_MONTH, 3, CA},
    {"abril", C_MONTH, 4, CA},
    {"maig", C_MONTH, 5, CA},
    {"juny", C_MONTH, 6, CA},
    {"juliol", C_MONTH, 7, CA},
    {"agost", C_MONTH, 8, CA},
    {"setembre", C_MONTH, 9, CA},
    {"octubre", C_MONTH, 10, CA},
    {"novembre", C_MONTH, 11, CA},
    {"desembre", C_MONTH, 12, CA},
    /* a chronology's abbreviations: "21 de des. –", "5 d'abr. –", "6 de set." */
    {"gen", C_MONABBR, 1, CA},
    {"febr", C_MONABBR, 2, CA},
    {"abr", C_MONABBR, 4, CA},
    {"jul", C_MONABBR, 7, CA},
    {"ag", C_MONABBR, 8, CA},
    {"set", C_MONABBR, 9, CA},
    {"oct", C_MONABBR, 10, CA},
    {"nov", C_MONABBR, 11, CA},
    {"des", C_MONABBR, 12, CA},
    {"dilluns", C_WDAY, 1, CA},
    {"dimarts", C_WDAY, 2, CA},
    {"dimecres", C_WDAY, 3, CA},
    {"dijous", C_WDAY, 4, CA},
    {"divendres", C_WDAY, 5, CA},
    {"dissabte", C_WDAY, 6, CA},
    {"diumenge", C_WDAY, 7, CA},
    {"un", C_NUMW, 1, CA},
    {"una", C_NUMW, 1, CA},
    {"dos", C_NUMW, 2, CA},
    {"dues", C_NUMW, 2, CA},
    {"tres", C_NUMW, 3, CA},
    {"quatre", C_NUMW, 4, CA},
    {"cinc", C_NUMW, 5, CA},
    {"sis", C_NUMW, 6, CA},
    {"set", C_NUMW, 7, CA},
    {"vuit", C_NUMW, 8, CA},
    {"nou", C_NUMW, 9, CA},
    {"deu", C_NUMW, 10, CA},
    {"dotze", C_NUMW, 12, CA},
    {"quinze", C_NUMW, 15, CA},
    {"vint", C_NUMW, 20, CA},
    {"trenta", C_NUMW, 30, CA},
    {"dia", C_UNIT, U_DAY, CA},
    {"dies", C_UNITPL, U_DAY, CA},
    {"setmana", C_UNIT, U_WEEK, CA},
    {"setmanes", C_UNITPL, U_WEEK, CA},
    {"mes", C_UNIT, U_MONTH, CA},
    {"mesos", C_UNITPL, U_MONTH, CA},
    {"any", C_UNIT, U_YEAR, CA},
    {"anys", C_UNITPL, U_YEAR, CA},
    {"hora", C_UNIT, U_HOUR, CA},
    {"hores", C_UNITPL, U_HOUR, CA},
    {"minuts", C_UNITPL, U_MIN, CA},
    {"dècada", C_UNIT, U_DECADE, CA},
    {"dècades", C_UNITPL, U_DECADE, CA},
    {"segle", C_UNIT, U_CENTURY, CA},
    {"trimestre", C_UNIT, U_QUARTER, CA},
    {"primavera", C_SEASON, S_SP, CA},
    {"estiu", C_SEASON, S_SU, CA},
    {"tardor", C_SEASON, S_FA, CA},
    {"hivern", C_SEASON, S_WI, CA},
    {"segon", C_ORDW, 2, CA}, /* "el segon trimestre" ("primer", "tercer": Spanish's) */
    {"segona", C_ORDW, 2, CA},
    {"quart", C_ORDW, 4, CA},
    /* Romanian seasons, articled ("vara trecută"), bare and genitive */
    {"vara", C_SEASON, S_SU, RO},
    {"vară", C_SEASON, S_SU, RO},
    {"verii", C_SEASON, S_SU, RO},
    {"iarna", C_SEASON, S_WI, RO},
    {"iarnă", C_SEASON, S_WI, RO},
    {"iernii", C_SEASON, S_WI, RO},
    {"primăvara", C_SEASON, S_SP, RO},
    {"primăvară", C_SEASON, S_SP, RO},
    {"primăverii", C_SEASON, S_SP, RO},
    {"toamna", C_SEASON, S_FA, RO},
    {"toamnă", C_SEASON, S_FA, RO},
    {"toamnei", C_SEASON, S_FA, RO},
    {"matí", C_PART, P_MO, CA},
    {"tarda", C_PART, P_AF, CA},
    {"vespre", C_PART, P_EV, CA},
    {"nit", C_PART, P_NI, CA},
    {"migdia", C_PART, P_NOON, CA},
    {"avui", C_DEICT, D_TODAY, CA},
    {"ahir", C_DEICT, D_YESTERDAY, CA},
    {"enguany", C_DEICT, D_THISYEAR, CA},
    {"ara", C_DEICT, D_NOW, CA}, /* "fins ara", "ara mateix" */
    {"demà", C_DEICT, D_TOMORROW, CA},
    {"abans-d'ahir", C_DEICT, D_DBY, CA},
    {"anit", C_DEICT, D_LASTNIGHT, CA},
    {"actualment", C_DEICT, D_NOW, CA},
    {"recentment", C_DEICT, D_RECENTLY, CA},
    {"futur", C_DEICT, D_FUTURE, CA},
    {"aquest", C_REL, R_THIS, CA},
    {"aquesta", C_REL, R_THIS, CA},
    {"proper", C_REL, R_NEXT, CA},
    {"propera", C_REL, R_NEXT, CA},
    {"darrer", C_REL, R_LAST, CA},
    {"darrera", C_REL, R_LAST, CA},
    {"últims", C_REL, R_PAST, CA},
    {"últimes", C_REL, R_PAST, CA},
    {"darrers", C_REL, R_PAST, CA},
    {"darreres", C_REL, R_PAST, CA},
    {"passat", C_POSTREL, R_LAST, CA},
    {"passada", C_POSTREL, R_LAST, CA},
    {"vinent", C_POSTREL, R_NEXT, CA},
    {"ve", C_POSTREL, R_NEXT, CA},
    {"mitjan", C_MOD, M_MID, CA},
    {"finals", C_MOD, M_END, CA},
    {"principis", C_MOD, M_BEGIN, CA},
    {"inici", C_MOD, M_BEGIN, CA},
    {"cada", C_EVERY, 1, CA},
    {"el", C_KW, K_THE, CA},
    {"la", C_KW, K_THE, CA},
    {"l", C_KW, K_THE, CA},
    {"els", C_KW, K_THE, CA},
    {"les", C_KW, K_THE, CA},
    {"de", C_KW, K_OF, CA},
    {"de", C_KW2, K_DE, CA},
    {"d", C_KW, K_OF, CA},
    {"del", C_KW, K_OF, CA},
    {"en", C_KW, K_IN, CA},
    {"al", C_KW, K_TO, CA},
    {"a", C_KW2, K_TO, CA},
    {"fins", C_KW, K_TO, CA},
    {"i", C_KW, K_AND, CA},
    {"entre", C_KW, K_BETWEEN, CA},
    {"des", C_KW2, K_SINCE, CA}, /* C_KW: French K_OF */
    {"fa", C_KW2, K_HACE, CA},   /* "fa tres dies" (it "tre giorni fa") */
    {"aquí", C_KW, K_HENCE, CA}, /* "d'aquí a dues setmanes" */
    {"cap", C_KW, K_CAP, CA},    /* "cap de setmana" */
    {"uns", C_KW, K_APPROX, CA},
    {"unes", C_KW, K_APPROX, CA},
    {"gairebé", C_KW, K_APPROX, CA},
    {"més", C_KW, K_MORE, CA},
    {"diversos", C_KW, K_FEW, CA},
    {"tots", C_KW, K_ALL, CA},
    {"totes", C_KW, K_ALL, CA},
    /* French and Spanish news, third audit: counts in words ("depuis
     * plus de cinquante ans", "durante catorce meses", "treinta y cinco
     * años"), "dix-sept" in two words (p_count), halves ("trois ans et
     * demi", "tres años y medio", "tre anni e mezzo"), semesters and
     * ordinals up to four ("au deuxième semestre 2010", "el tercer
     * trimestre"; as days only in English, see p_day), "este mismo lunes",
     * "week-ends", "algunas semanas" */
    {"douze", C_NUMW, 12, FR},
    {"treize", C_NUMW, 13, FR},
    {"quatorze", C_NUMW, 14, FR},
    {"seize", C_NUMW, 16, FR},
    {"quarante", C_NUMW, 40, FR},
    {"cinquante", C_NUMW, 50, FR},
    {"soixante", C_NUMW, 60, FR},
    {"once", C_NUMW, 11, ES},
    {"doce", C_NUMW, 12, ES},
    {"trece", C_NUMW, 13, ES},
    {"catorce", C_NUMW, 14, ES},
    {"dieciséis", C_NUMW, 16, ES},
    {"diecisiete", C_NUMW, 17, ES},
    {"dieciocho", C_NUMW, 18, ES},
    {"diecinueve", C_NUMW, 19, ES},
    {"veintiún", C_NUMW, 21, ES},
    {"veintiuno", C_NUMW, 21, ES},
    {"veintidós", C_NUMW, 22, ES},
    {"veintitrés", C_NUMW, 23, ES},
    {"veinticuatro", C_NUMW, 24, ES},
    {"veinticinco", C_NUMW, 25, ES},
    {"veintiséis", C_NUMW, 26, ES},
    {"veintisiete", C_NUMW, 27, ES},
    {"veintiocho", C_NUMW, 28, ES},
    {"veintinueve", C_NUMW, 29, ES},
    {"demi", C_KW, K_HALFW, FR},
    {"demie", C_KW, K_HALFW, FR},
    {"medio", C_KW, K_HALFW, ES},
    {"media", C_KW, K_HALFW, ES},
    {"mezzo", C_KW, K_HALFW, IT},
    {"meio", C_KW, K_HALFW, PT},
    {"metade", C_KW, K_HALFW, PT}, /* "a segunda metade do ano" (pat_quarter) */
    {"mitad", C_KW, K_HALFW, ES},
    {"moitié", C_KW, K_HALFW, FR},
    {"semestre", C_UNIT, U_HALF, FR | ES | IT | PT | CA},
    {"seconde", C_ORDW, 2, FR},
    {"deuxième", C_ORDW, 2, FR},
    {"troisième", C_ORDW, 3, FR},
    {"quatrième", C_ORDW, 4, FR},
    {"segundo", C_ORDW, 2, ES | PT},
    {"segunda", C_ORDW, 2, ES | PT},
    {"secondo", C_ORDW, 2, IT}, /* "nel secondo trimestre" (pat_quarter only) */
    {"seconda", C_ORDW, 2, IT},
    {"terza", C_ORDW, 3, IT},
    {"quarta", C_ORDW, 4, IT},
    {"terceira", C_ORDW, 3, PT},
    {"tercer", C_ORDW, 3, ES},
    {"tercero", C_ORDW, 3, ES},
    {"tercera", C_ORDW, 3, ES},
    {"cuarto", C_ORDW, 4, ES},
    {"terzo", C_ORDW, 3, IT},
    {"quarto", C_ORDW, 4, IT | PT},
    {"terceiro", C_ORDW, 3, PT},
    {"primeiro", C_ORDW, 1, PT}, /* "no primeiro trimestre", "primeiro semestre" */
    /* Romanian quarters and halves: "primul trimestru", "al treilea
     * trimestru", "trimestrul al treilea", "semestrul întâi", "primul
     * semestru al anului 2012" (pat_quarter) */
    {"primul", C_ORDW, 1, RO},
    {"întâi", C_ORDW, 1, RO},
    {"întîi", C_ORDW, 1, RO},
    {"doilea", C_ORDW, 2, RO},
    {"treilea", C_ORDW, 3, RO},
    {"patrulea", C_ORDW, 4, RO},
    {"al", C_KW2, K_OF, RO},
    {"ale", C_KW2, K_OF, RO}, /* "pe 12 ale lunii viitoare" */
    {"trimestru", C_UNIT, U_QUARTER, RO},
    {"trimestrul", C_UNIT, U_QUARTER, RO},
    {"trimestrului", C_UNIT, U_QUARTER, RO},
    {"semestru", C_UNIT, U_HALF, RO},
    {"semestrul", C_UNIT, U_HALF, RO},
    {"semestrului", C_UNIT, U_HALF, RO},
    {"mismo", C_KW, K_SAME, ES}, /* "este mismo lunes": this Monday */
    {"misma", C_KW, K_SAME, ES},
    {"week-ends", C_UNITPL, U_WEEKEND, FR},
    {"algunos", C_KW, K_FEW, ES},
    {"algunas", C_KW, K_FEW, ES},
    {"par", C_KW2, K_FEW, ES}, /* "un par de días" (C_KW: French "par" = per) */
    /* the day before or after a day written or last mentioned (pat_deict) */
    {"veille", C_DEICT, D_EVE, FR},
    {"lendemain", C_DEICT, D_MORROW, FR},
    {"víspera", C_DEICT, D_EVE, ES},
    {"vispera", C_DEICT, D_EVE, ES},
    {"vigilia", C_DEICT, D_EVE, IT},
    {"indomani", C_DEICT, D_MORROW, IT},
    {"véspera", C_DEICT, D_EVE, PT},
    {"vigília", C_DEICT, D_EVE, CA},
    {"endemà", C_DEICT, D_MORROW, CA},
    /* the day after, before or the same as a day written or last mentioned:
     * "il giorno dopo", "al día siguiente", "le jour même", "lo stesso
     * giorno" (pat_deict); "quel giorno", "ese año" (pat_rel, as "that";
     * the masculine only: "that" values a day, month or year) */
    {"dopo", C_KW, K_NEXTD, IT},
    {"successivo", C_KW, K_NEXTD, IT},
    {"successiva", C_KW, K_NEXTD, IT},
    {"seguente", C_KW, K_NEXTD, IT},
    {"siguiente", C_KW, K_NEXTD, ES},
    {"después", C_KW, K_NEXTD, ES},
    {"suivant", C_KW, K_NEXTD, FR},
    {"suivante", C_KW, K_NEXTD, FR},
    {"prima", C_KW, K_PREVD, IT},
    {"precedente", C_KW, K_PREVD, IT},
    {"anterior", C_KW, K_PREVD, ES | PT | CA},
    {"següent", C_KW, K_NEXTD, CA},
    {"mateix", C_KW, K_SAME, CA},
    {"mateixa", C_KW, K_SAME, CA},
    {"aceeași", C_KW, K_SAME, RO},    /* "în aceeași zi" */
    {"următoare", C_KW, K_NEXTD, RO}, /* "în ziua următoare" */
    {"precedentă", C_KW, K_PREVD, RO},
    {"anterioară", C_KW, K_PREVD, RO},
    {"același", C_KW, K_SAME, RO},
    {"seguinte", C_KW, K_NEXTD, PT},
    {"antes", C_KW, K_PREVD, ES},
    {"précédent", C_KW, K_PREVD, FR},
    {"précédente", C_KW, K_PREVD, FR},
    {"stesso", C_KW, K_SAME, IT},
    {"stessa", C_KW, K_SAME, IT},
    {"même", C_KW, K_SAME, FR},
    {"mesmo", C_KW, K_SAME, PT},
    {"mesma", C_KW, K_SAME, PT},
    {"quel", C_REL, R_THAT, IT},
    {"quello", C_REL, R_THAT, IT},
    {"quell", C_REL, R_THAT, IT},
    {"quella", C_REL, R_THAT, IT},
    {"ese", C_REL, R_THAT, ES},
    {"esa", C_REL, R_THAT, ES},
    {"aquel", C_REL, R_THAT, ES},
    {"aquella", C_REL, R_THAT, ES},
    /* "em 29 de dezembro daquele ano", "em agosto desse ano" */
    {"aquele", C_REL, R_THAT, PT},
    {"aquela", C_REL, R_THAT, PT},
    {"daquele", C_REL, R_THAT, PT},
    {"daquela", C_REL, R_THAT, PT},
    {"desse", C_REL, R_THAT, PT},
    {"dessa", C_REL, R_THAT, PT},
    {"naquele", C_REL, R_THAT, PT},
    {"naquela", C_REL, R_THAT, PT},
    {"nesse", C_REL, R_THAT, PT},
    {"nessa", C_REL, R_THAT, PT},
    /* modifiers of a count: "oltre due anni fa", "da meno di un mese" */
    {"oltre", C_KW, K_APPROX, IT},
    {"meno", C_KW, K_MORE, IT},
    /* round counts: "una decina di giorni fa", "une dizaine de jours",
     * "hace una decena de días"; plurals, negative, are vague: "centinaia
     * di anni" (p_count) */
    {"decina", C_ROUNDN, 10, IT},
    {"dozzina", C_ROUNDN, 12, IT},
    {"quindicina", C_ROUNDN, 15, IT},
    {"ventina", C_ROUNDN, 20, IT},
    {"trentina", C_ROUNDN, 30, IT},
    {"quarantina", C_ROUNDN, 40, IT},
    {"cinquantina", C_ROUNDN, 50, IT},
    {"sessantina", C_ROUNDN, 60, IT},
    {"centinaio", C_ROUNDN, 100, IT},
    {"centinaia", C_ROUNDN, -100, IT},
    {"migliaio", C_ROUNDN, 1000, IT},
    {"migliaia", C_ROUNDN, -1000, IT},
    {"dizaine", C_ROUNDN, 10, FR},
    {"douzaine", C_ROUNDN, 12, FR},
    {"quinzaine", C_ROUNDN, 15, FR},
    {"vingtaine", C_ROUNDN, 20, FR},
    {"trentaine", C_ROUNDN, 30, FR},
    {"quarantaine", C_ROUNDN, 40, FR},
    {"cinquantaine", C_ROUNDN, 50, FR},
    {"soixantaine", C_ROUNDN, 60, FR},
    {"centaine", C_ROUNDN, 100, FR},
    {"millier", C_ROUNDN, 1000, FR},
    {"milliers", C_ROUNDN, -1000, FR},
    {"decena", C_ROUNDN, 10, ES},
    {"docena", C_ROUNDN, 12, ES},
    {"veintena", C_ROUNDN, 20, ES},
    {"treintena", C_ROUNDN, 30, ES},
    {"centenar", C_ROUNDN, 100, ES},
    {"centenares", C_ROUNDN, -100, ES},
    {"millar", C_ROUNDN, 1000, ES},
    {"millares", C_ROUNDN, -1000, ES},
    {"dezena", C_ROUNDN, 10, PT},
    {"vintena", C_ROUNDN, 20, PT},
    {"centena", C_ROUNDN, 100, PT},
    {"centenas", C_ROUNDN, -100, PT},
    {"milhar", C_ROUNDN, 1000, PT},
    {"milhares", C_ROUNDN, -1000, PT},
    /* hundreds and thousands; 21-99 are made in lex_build */
    {"cento", C_NUMW, 100, IT},
    {"duecento", C_NUMW, 200, IT},
    {"trecento", C_NUMW, 300, IT},
    {"quattrocento", C_NUMW, 400, IT},
    {"cinquecento", C_NUMW, 500, IT},
    {"seicento", C_NUMW, 600, IT},
    {"settecento", C_NUMW, 700, IT},
    {"ottocento", C_NUMW, 800, IT},
    {"novecento", C_NUMW, 900, IT},
    {"mille", C_NUMW, 1000, IT},
    {"duemila", C_NUMW, 2000, IT},
    {"tremila", C_NUMW, 3000, IT},
};

/* Hash table: open addressing over entries built from SRC. */
#define LEX_BITS 12
#define LEX_SIZE (1u << LEX_BITS)

static tlex *entries;
static size_t nentries;
static size_t maxlen;
uint64_t chr_time_lex_bloom[1024]; /* 64K bits over the upper hash bits: fast misses */
#define bloom chr_time_lex_bloom
static int32_t slots[LEX_SIZE];   /* entry index + 1, 0 empty */
static uint32_t slot_h[LEX_SIZE]; /* full hash of the slot's word: probes skip other words */
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;
#define PLAIN_POOL 4096
static char *plain_pool; /* the Romanian words without diacritics */

static uint32_t lex_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int32_t lex_find_slot(const char *w, size_t n, uint32_t *pos)
{
    uint32_t p = lex_hash(w, n) & (LEX_SIZE - 1);
    for (;;) {
        int32_t e = slots[p];
        if (e == 0) {
            *pos = p;
            return 0;
        }
        const tlex *t = &entries[e - 1];
        if (t->len == n && memcmp(t->word, w, n) == 0) {
            *pos = p;
            return e;
        }
        p = (p + 1) & (LEX_SIZE - 1);
    }
}

size_t chr_time_ro_plain(const char *p, size_t n, char *buf)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i], d = i + 1 < n ? (unsigned char)p[i + 1] : 0;
        if ((c == 0xC4 && (d == 0x82 || d == 0x83)) || (c == 0xC3 && (d == 0xA2 || d == 0x82))) {
            buf[k++] = 'a';
            i++;
        } else if (c == 0xC3 && (d == 0xAE || d == 0x8E)) {
            buf[k++] = 'i';
            i++;
        } else if ((c == 0xC8 && (d == 0x98 || d == 0x99)) ||
                   (c == 0xC5 && (d == 0x9E || d == 0x9F))) {
            buf[k++] = 's';
            i++;
        } else if ((c == 0xC8 && (d == 0x9A || d == 0x9B)) ||
                   (c == 0xC5 && (d == 0xA2 || d == 0xA3))) {
            buf[k++] = 't';
            i++;
        } else {
            buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    buf[k] = 0;
    return k;
}

static void lex_add(const lsrc *s, const char *w);

/* Italian writes 21-99 as one word: the ten, without its last vowel
 * before "uno" and "otto" (ventuno, ventotto), then the unit (trentacinque,
 * quarantadue); "tre" takes an accent (ventitré, also written ventitre).
 * Before a noun "-uno" loses its "o" (ventun anni), and a count elides
 * its last vowel before one ("ventiquattr'ore", "quarantott'ore"). Each
 * goes into the pool as a word and into ITNUM as its sense. */
#define ITNUM_MAX 120
static char itnum_pool[ITNUM_MAX * 20];
static lsrc itnum[ITNUM_MAX];

static size_t itnum_make(void)
{
    static const char *const TEN[] = {"venti",    "trenta",   "quaranta", "cinquanta",
                                      "sessanta", "settanta", "ottanta",  "novanta"};
    static const char *const UNIT[] = {"uno", "due",   "tre",  "quattro", "cinque",
                                       "sei", "sette", "otto", "nove"};
    size_t n = 0, used = 0;
    for (int t = 0; t < 8; t++)
        for (int u = 1; u <= 9; u++) {
            char stem[16], w[5][24];
            int nw = 0;
            size_t sl = strlen(TEN[t]);
            memcpy(stem, TEN[t], sl + 1);
            if (u == 1 || u == 8)
                stem[sl - 1] = 0; /* vent-uno, trent-otto */
            snprintf(w[nw++], sizeof w[0], "%s%s", stem, UNIT[u - 1]);
            if (u == 3)
                snprintf(w[nw++], sizeof w[0], "%str\xc3\xa9", stem); /* ventitré */
            if (u == 1 || u == 4 || u == 8) {
                /* ventun, ventiquattr', quarantott' */
                snprintf(w[nw], sizeof w[0], "%s", w[0]);
                w[nw][strlen(w[nw]) - 1] = 0;
                nw++;
            }
            for (int k = 0; k < nw && n < ITNUM_MAX; k++) {
                size_t l = strlen(w[k]);
                if (used + l + 1 > sizeof itnum_pool)
                    return n;
                memcpy(itnum_pool + used, w[k], l + 1);
                itnum[n] = (lsrc){itnum_pool + used, C_NUMW, (short)(10 * (t + 2) + u), IT};
                used += l + 1;
                n++;
            }
        }
    return n;
}

static void lex_build(void)
{
    size_t nsrc = sizeof SRC / sizeof SRC[0];
    size_t nit = itnum_make();
    entries = calloc(2 * nsrc + nit, sizeof *entries);
    plain_pool = malloc(PLAIN_POOL);
    if (!entries || !plain_pool)
        return;
    size_t used = 0;
    for (size_t i = 0; i < nsrc; i++) {
        lex_add(&SRC[i], SRC[i].w);
        /* a Romanian word written with diacritics goes in without them too
         * ("saptamana trecuta"), as much web copy writes it */
        char buf[40];
        size_t n = strlen(SRC[i].w);
        if (SRC[i].lang == RO && n < sizeof buf &&
            (n = chr_time_ro_plain(SRC[i].w, n, buf)) != strlen(SRC[i].w) &&
            used + n + 1 <= PLAIN_POOL) {
            memcpy(plain_pool + used, buf, n + 1);
            lex_add(&SRC[i], plain_pool + used);
            used += n + 1;
        }
    }
    for (size_t i = 0; i < nit; i++)
        lex_add(&itnum[i], itnum[i].w);
}

/* Enter one sense of word w (SRC's word or its plain Romanian form). */
static void lex_add(const lsrc *s, const char *w)
{
    if (s->lang == 0)
        return;
    uint32_t pos;
    size_t n = strlen(w);
    int32_t e = lex_find_slot(w, n, &pos);
    if (!e) {
        if (nentries * 2 >= LEX_SIZE)
            return; /* table full: cannot happen with the sizes above */
        entries[nentries].word = w;
        entries[nentries].len = n;
        slots[pos] = (int32_t)++nentries;
        slot_h[pos] = lex_hash(w, n);
        e = (int32_t)nentries;
    }
    tlex *t = &entries[e - 1];
    uint32_t h = lex_hash(w, n) >> 16;
    bloom[h >> 6] |= 1ull << (h & 63);
    if (n > maxlen)
        maxlen = n;
    /* one value per word and class, whatever the language: a second
     * sense goes in another class (C_KW2) */
    assert(!(t->cls & (1u << s->c)) || t->val[s->c] == s->v);
    t->cls |= 1u << s->c;
    t->val[s->c] = s->v;
    t->lang[s->c] |= s->lang;
    for (int b = 0; b < TL_NLANG; b++)
        if (s->lang & (1u << b))
            t->cls_lang[b] |= 1u << s->c;
    if (s->lang & ~TL_CA)
        t->cls_lang[TL_NLANG] |= 1u << s->c;
}

const tlex *chr_time_lex(const char *folded, size_t n)
{
    pthread_once(&lex_once, lex_build);
    if (!entries || n == 0)
        return NULL;
    uint32_t pos;
    int32_t e = lex_find_slot(folded, n, &pos);
    return e ? &entries[e - 1] : NULL;
}

void chr_time_lex_init(void)
{
    pthread_once(&lex_once, lex_build);
}

const tlex *chr_time_lex_hashed(const char *folded, size_t n, uint32_t h)
{
    if (!entries || n > maxlen)
        return NULL;
    uint32_t b = h >> 16;
    if (!(bloom[b >> 6] >> (b & 63) & 1u))
        return NULL;
    uint32_t p = h & (LEX_SIZE - 1);
    for (;;) {
        int32_t e = slots[p];
        if (e == 0)
            return NULL;
        if (slot_h[p] == h) {
            const tlex *t = &entries[e - 1];
            if (t->len == n) {
                size_t k = 0;
                while (k < n && (char)(folded[k] | 0x20) == t->word[k])
                    k++;
                if (k == n)
                    return t;
            }
        }
        p = (p + 1) & (LEX_SIZE - 1);
    }
}

const tlex *chr_time_lex_word(const char *w, size_t n)
{
    pthread_once(&lex_once, lex_build);
    if (!entries || n == 0 || n > maxlen)
        return NULL;
    char buf[32];
    uint32_t h = 2166136261u;
    size_t i = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0x80)
            break;
        c = (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
        buf[i] = (char)c;
        h = (h ^ c) * 16777619u;
    }
    if (i < n) { /* non-ASCII: fold the whole word */
        if (!chr_time_fold(w, n, buf))
            return NULL;
        h = lex_hash(buf, n);
    }
    uint32_t b = h >> 16;
    if (!(bloom[b >> 6] >> (b & 63) & 1u))
        return NULL;
    uint32_t p = h & (LEX_SIZE - 1);
    for (;;) {
        int32_t e = slots[p];
        if (e == 0)
            return NULL;
        if (slot_h[p] == h) {
            const tlex *t = &entries[e - 1];
            if (t->len == n && memcmp(t->word, buf, n) == 0)
                return t;
        }
        p = (p + 1) & (LEX_SIZE - 1);
    }
}

size_t chr_time_fold(const char *w, size_t n, char *buf)
{
    if (n > 31)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z') {
            buf[i] = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)w[i + 1];
            buf[i] = (char)c;
            buf[i + 1] = (char)((d >= 0x80 && d <= 0x9E && d != 0x97) ? d + 0x20 : d);
            i++;
        } else if ((c == 0xC4 || c == 0xC5 || c == 0xC8) && i + 1 < n) {
            /* Romanian: Ă to ă; Ș, ş, Ş (cedilla, as older fonts write it)
             * to ș; Ț, ţ, Ţ to ț */
            unsigned char d = (unsigned char)w[i + 1];
            buf[i] = (char)c;
            buf[i + 1] = (char)d;
            if (c == 0xC4 && d == 0x82) {
                buf[i + 1] = (char)0x83;
            } else if ((c == 0xC5 && (d == 0x9E || d == 0x9F)) || (c == 0xC8 && d == 0x98)) {
                buf[i] = (char)0xC8;
                buf[i + 1] = (char)0x99;
            } else if ((c == 0xC5 && (d == 0xA2 || d == 0xA3)) || (c == 0xC8 && d == 0x9A)) {
                buf[i] = (char)0xC8;
                buf[i + 1] = (char)0x9B;
            }
            i++;
        } else if (c == 0xD0 && i + 1 < n) {
            unsigned char d = (unsigned char)w[i + 1];
            if (d >= 0x90 && d <= 0x9F) {
                buf[i] = (char)0xD0;
                buf[i + 1] = (char)(d + 0x20);
            } else if (d >= 0xA0 && d <= 0xAF) {
                buf[i] = (char)0xD1;
                buf[i + 1] = (char)(d - 0x20);
            } else if (d == 0x81) {
                buf[i] = (char)0xD1;
                buf[i + 1] = (char)0x91;
            } else {
                buf[i] = (char)c;
                buf[i + 1] = (char)d;
            }
            i++;
        } else {
            buf[i] = (char)c;
        }
    }
    return n;
}
