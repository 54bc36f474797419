"""Certificate cards (認定証): the cards page (status list, issue, print, reissue, renew,
revoke, photos, calibration, key management) and the verify page (scan, webcam, image or PDF:
the six states, big and clear)."""
