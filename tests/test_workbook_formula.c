/* The formula writers (engine/src/rules_formula.c) one kind at a time: the
 * exact Excel expression each writes for tests/data/workbook/kinds.xml, in
 * integer hundredths. tests/test_template.c proves them right against the
 * engine in LibreOffice; this suite pins them down without it and shows what
 * they look like. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static void test_each_kind(void)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria *set = NULL;
	CU_ASSERT_FATAL(cchc_criteria_load(&set, test_path("tests/data/workbook/kinds.xml"), diag) == 0);
	static const char *const answers[] = {"G1", "G2", "G3", NULL};
	/* met, value, count, date, numerator, denominator, grade, points, respondents, mean */
	const cchc_formula_cells cells = {"E5", "G5", "H5", "F5", "I5",    "J5", "K5",
	                                  "L5", "D9", "E9", answers, "Có", "Không"};
	static const struct {
		const char *id, *formula;
	} want[] = {
		{"1.1",
		 "IF(E5=\"Có\",100,0)"},
		{"1.2",
		 "IF(OR(E5=\"Không\",G5=\"\"),0,IF(ROUND(G5*1000000,0)>=90000000,100,IF(ROUND(G5*1000000,0)>=70500000,50,IF(ROUND(G5*1000000,0)>=50000000,25,0))))"},
		{"1.3",
		 "IF(OR(E5=\"Không\",G5=\"\"),0,IF(ROUND(G5*1000000,0)<=2000000,100,IF(ROUND(G5*1000000,0)<=5000000,50,0)))"},
		{"1.4",
		 "IF(OR(E5=\"Không\",G5=\"\"),0,IF((ROUND(G5*1000000,0)-(50000000))<=0,0,IF((ROUND(G5*1000000,0)-(50000000))>=50000000,150,QUOTIENT(QUOTIENT(150*((ROUND(G5*1000000,0)-(50000000))),50000000),25)*25)))"},
		{"1.5",
		 "IF(OR(E5=\"Không\",G5=\"\"),0,IF(-(ROUND(G5*1000000,0)-(20000000))<=0,0,IF(-(ROUND(G5*1000000,0)-(20000000))>=20000000,100,QUOTIENT(QUOTIENT(100*(-(ROUND(G5*1000000,0)-(20000000))),20000000),25)*25)))"},
		{"1.6",
		 "IF(OR(E5=\"Không\",H5=\"\"),0,MIN(H5*25,100))"},
		{"1.7",
		 "IF(OR(E5=\"Không\",F5=\"\"),0,IF(INT(F5)-43496<=0,100,IF(INT(F5)-43496<=10,50,25)))"},
		{"1.8",
		 "IF(OR(E5=\"Không\",I5=\"\",J5=\"\"),0,IF(J5=0,100,IF(I5<=0,0,IF(I5>=J5,100,QUOTIENT(QUOTIENT(100*(I5),J5),25)*25))))"},
		{"1.9",
		 "IF(OR(E5=\"Không\",I5=\"\",J5=\"\"),0,IF(J5=0,0,IF(I5<=0,0,IF(I5>=J5,100,QUOTIENT(QUOTIENT(100*(I5),J5),10)*10))))"},
		{"1.10",
		 "IF(OR(E5=\"Không\",K5=\"\"),0,IF(K5=\"Tốt, đầy đủ\",100,IF(K5=\"Đạt \"\"một phần\"\"\",50,IF(K5=\"Chưa đạt\",0,0))))"},
		{"1.11",
		 "IF(OR(E5=\"Không\",L5=\"\"),0,ROUND(L5*100,0))"},
		{"9.1",
		 "IF(OR(E9=\"\",D9=\"\"),0,IF((ROUND(E9*1000000,0)-(1000000))<=0,0,IF((ROUND(E9*1000000,0)-(1000000))>=4000000,300,QUOTIENT(QUOTIENT(300*((ROUND(E9*1000000,0)-(1000000))),4000000),1)*1)))"},
		{"9.2",
		 "IF(COUNT(G1,G2,G3)>0,IF((N(G1)+N(G2)+N(G3))*100000000=0,0,IF(N(G1)*100000000+N(G2)*75000000+N(G3)*0<=0,0,IF(N(G1)*100000000+N(G2)*75000000+N(G3)*0>=(N(G1)+N(G2)+N(G3))*100000000,300,QUOTIENT(QUOTIENT(300*(N(G1)*100000000+N(G2)*75000000+N(G3)*0),(N(G1)+N(G2)+N(G3))*100000000),1)*1))),0)"},
		{"P.1",
		 "IF(E5=\"Có\",-100,0)"},
		{"P.2",
		 "IF(OR(E5=\"Không\",H5=\"\"),0,MAX(H5*-25,-100))"},
		{"P.3",
		 "IF(OR(E5=\"Không\",L5=\"\"),0,ROUND(L5*100,0))"},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const cchc_node *n = cchc_criteria_find(set, want[i].id);
		CU_ASSERT_FATAL(n != NULL);
		cchc_buf b;
		cchc_buf_init(&b, 0);
		ASSERT_EQ(cchc_formula_rule(&b, n, &cells), 0);
		ASSERT_STR(b.data, want[i].formula);
		cchc_buf_dispose(&b);
	}
	cchc_criteria_free(set);
	cchc_diag_free(diag);
}

static void test_string_literal(void)
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	cchc_formula_string(&b, "Đạt \"một phần\"");
	ASSERT_STR(b.data, "\"Đạt \"\"một phần\"\"\"");
	cchc_buf_dispose(&b);
}

int main(void)
{
	static const test_case tests[] = {
		{"each rule kind's formula, penalties and both surveys", test_each_kind},
		{"text in a formula doubles its quotes", test_string_literal},
		{NULL, NULL},
	};
	return test_run_suite("workbook_formula", tests);
}
