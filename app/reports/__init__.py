"""What leaves the centre: signed result bundles, PDF score reports with QR codes, verification.

These modules work on plain data handed over by the export service; they never open the store.
"""
