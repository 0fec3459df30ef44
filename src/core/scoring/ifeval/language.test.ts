import { describe, expect, it } from "vitest";
import { IFEVAL_LANGUAGES, detectLanguage, isInLanguage } from "./language";

// Fixture: one plain sentence per IFEval language, written for this test (not model output).
const SAMPLES: Record<string, string> = {
  en: "The library opens early on weekdays, and most readers arrive before nine.",
  es: "La biblioteca abre temprano entre semana y la mayoría de los lectores llega antes de las nueve.",
  pt: "A biblioteca abre cedo nos dias úteis e a maioria dos leitores chega antes das nove.",
  ar: "تفتح المكتبة أبوابها مبكرا في أيام الأسبوع ويصل معظم القراء قبل التاسعة.",
  hi: "पुस्तकालय सप्ताह के दिनों में जल्दी खुलता है और अधिकतर पाठक नौ बजे से पहले आ जाते हैं।",
  fr: "La bibliothèque ouvre tôt en semaine et la plupart des lecteurs arrivent avant neuf heures.",
  ru: "Библиотека открывается рано по будням, и большинство читателей приходит до девяти.",
  de: "Die Bibliothek öffnet werktags früh, und die meisten Leser kommen vor neun Uhr.",
  ja: "図書館は平日の朝早くに開き、ほとんどの利用者は九時前にやって来ます。",
  it: "La biblioteca apre presto nei giorni feriali e la maggior parte dei lettori arriva prima delle nove.",
  bn: "গ্রন্থাগারটি সপ্তাহের দিনগুলোতে সকাল সকাল খোলে এবং বেশিরভাগ পাঠক নয়টার আগেই আসেন।",
  uk: "Бібліотека відчиняється рано в будні, і більшість читачів приходить до дев'ятої.",
  th: "ห้องสมุดเปิดแต่เช้าในวันธรรมดา และผู้อ่านส่วนใหญ่มาถึงก่อนเก้าโมง",
  ur: "کتب خانہ ہفتے کے دنوں میں جلدی کھلتا ہے اور زیادہ تر قارئین نو بجے سے پہلے آ جاتے ہیں۔",
  ta: "நூலகம் வார நாட்களில் சீக்கிரம் திறக்கிறது, பெரும்பாலான வாசகர்கள் ஒன்பது மணிக்கு முன்பே வருகிறார்கள்.",
  te: "గ్రంథాలయం వారపు రోజుల్లో త్వరగా తెరుచుకుంటుంది, చాలా మంది పాఠకులు తొమ్మిది గంటలకు ముందే వస్తారు.",
  bg: "Библиотеката отваря рано през делничните дни и повечето читатели идват преди девет часа.",
  ko: "도서관은 평일에 일찍 문을 열고 대부분의 독자는 아홉 시 전에 도착합니다.",
  pl: "Biblioteka otwiera się wcześnie w dni powszednie i większość czytelników przychodzi przed dziewiątą.",
  he: "הספרייה נפתחת מוקדם בימי חול ורוב הקוראים מגיעים לפני השעה תשע.",
  fa: "کتابخانه در روزهای هفته زود باز می‌شود و بیشتر خوانندگان پیش از ساعت نه می‌رسند.",
  vi: "Thư viện mở cửa sớm vào các ngày trong tuần và hầu hết độc giả đến trước chín giờ.",
  ne: "पुस्तकालय हप्ताका दिनहरूमा चाँडै खुल्छ र धेरैजसो पाठकहरू नौ बजेभन्दा पहिले आइपुग्छन्।",
  sw: "Maktaba hufunguliwa mapema siku za kazi na wasomaji wengi hufika kabla ya saa tatu.",
  kn: "ಗ್ರಂಥಾಲಯವು ವಾರದ ದಿನಗಳಲ್ಲಿ ಬೇಗನೆ ತೆರೆಯುತ್ತದೆ ಮತ್ತು ಹೆಚ್ಚಿನ ಓದುಗರು ಒಂಬತ್ತು ಗಂಟೆಯ ಮೊದಲೇ ಬರುತ್ತಾರೆ.",
  mr: "ग्रंथालय आठवड्याच्या दिवशी लवकर उघडते आणि बहुतेक वाचक नऊ वाजण्यापूर्वी येतात.",
  gu: "પુસ્તકાલય અઠવાડિયાના દિવસોમાં વહેલું ખુલે છે અને મોટાભાગના વાચકો નવ વાગ્યા પહેલાં આવે છે.",
  pa: "ਲਾਇਬ੍ਰੇਰੀ ਹਫ਼ਤੇ ਦੇ ਦਿਨਾਂ ਵਿੱਚ ਜਲਦੀ ਖੁੱਲ੍ਹਦੀ ਹੈ ਅਤੇ ਜ਼ਿਆਦਾਤਰ ਪਾਠਕ ਨੌਂ ਵਜੇ ਤੋਂ ਪਹਿਲਾਂ ਆ ਜਾਂਦੇ ਹਨ।",
  ml: "ഗ്രന്ഥശാല പ്രവൃത്തി ദിവസങ്ങളിൽ നേരത്തെ തുറക്കുന്നു, മിക്ക വായനക്കാരും ഒമ്പത് മണിക്ക് മുമ്പ് എത്തുന്നു.",
  fi: "Kirjasto aukeaa arkipäivisin aikaisin, ja useimmat lukijat saapuvat ennen yhdeksää.",
};

describe("language identification (tinyld standing in for langdetect)", () => {
  it("has a sample for each IFEval language", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(IFEVAL_LANGUAGES).sort());
  });

  it("accepts each sample as its own language", () => {
    const missed = Object.entries(SAMPLES).filter(([code, text]) => !isInLanguage(text, code));
    expect(missed.map(([code]) => code)).toEqual([]);
  });

  it("detects the exact code for the 25 languages tinyld knows", () => {
    const fallbacks = ["ne", "mr", "pa", "ml", "sw"];
    const native = Object.entries(SAMPLES).filter(([code]) => !fallbacks.includes(code));
    const disagree = native.filter(([code, text]) => detectLanguage(text) !== code);
    expect(native).toHaveLength(25);
    expect(disagree.map(([code, text]) => `${code}->${detectLanguage(text)}`)).toEqual([]);
  });

  it("rejects a sample as any other language with a distinct script or vocabulary", () => {
    expect(isInLanguage(SAMPLES["en"]!, "fr")).toBe(false);
    expect(isInLanguage(SAMPLES["es"]!, "en")).toBe(false);
    expect(isInLanguage(SAMPLES["ru"]!, "bg")).toBe(false);
    expect(isInLanguage(SAMPLES["hi"]!, "pa")).toBe(false);
    expect(isInLanguage(SAMPLES["en"]!, "sw")).toBe(false);
  });

  it("gives null (IFEval: cannot tell, counts as followed) only for text without letters", () => {
    expect(detectLanguage("123 — 456 !!!")).toBeNull();
    expect(detectLanguage("ok")).not.toBeNull();
  });
});
