# Writes zhengfu-encrypted.{rc4-128,aes-128,aes-256}.pdf: the corpus's zhengfu-bangongshi-unit-2025
# re-saved by qpdf (pikepdf 10) with its objects in object streams, encrypted with an empty user
# password (it opens without one; editing is restricted), as many published PDFs are.
#   python3 make-zhengfu-encrypted.py ../../../../fixtures/corpus/zhengfu-bangongshi-unit-2025/document.pdf
import sys, pikepdf
for name, enc in [("rc4-128", pikepdf.Encryption(user="", owner="o", R=3, aes=False, metadata=False)),
                  ("aes-128", pikepdf.Encryption(user="", owner="o", R=4, aes=True)),
                  ("aes-256", pikepdf.Encryption(user="", owner="o", R=6))]:
    with pikepdf.open(sys.argv[1]) as pdf:
        pdf.save(f"zhengfu-encrypted.{name}.pdf", encryption=enc,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
